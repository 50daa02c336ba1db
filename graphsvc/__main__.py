"""`python -m graphsvc` is the `graphsvc` command."""

from graphsvc.cli import main

if __name__ == "__main__":  # not when a spawned process imports it (loaders.bulk_load)
    main()
