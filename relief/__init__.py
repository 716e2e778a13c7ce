"""The rulebook in code.

Pure functions of explicit facts and an explicit ``as_of`` date. Nothing here reads the clock, touches a
database or knows a language: results are codes with rule ids, sources and status tags, and the portal
turns them into words. See ../shared/domain/rulebook.md for every rule id.
"""
