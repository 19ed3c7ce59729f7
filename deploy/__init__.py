"""Deployment: the reverse proxy in front of the app servers (see the README's "Deployment")."""
