"""The chat proxy: the browser's widget talks only to the portal, which relays to the Rasa assistant."""
