"""The measurements behind bench/run.py: the portal under gunicorn, signed-in sessions, wrk, CPU, the assistant."""
