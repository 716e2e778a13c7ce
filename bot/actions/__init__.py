"""Custom actions for the enforcement relief assistant.

The action server (`rasa run actions --actions actions`) imports every module of this package.
Nothing here opens a connection at import time: the portal client is built per call from the
environment, and the user's identity only ever comes from the chat token the portal attached.
"""
