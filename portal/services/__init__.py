"""Use cases. A service loads, asks relief/, persists and commits once; views stay thin."""
