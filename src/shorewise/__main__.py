"""``python -m shorewise`` runs the CLI."""

from shorewise.cli.app import main

main()
