"""One module per CLI verb: `register(subparsers)` adds it, `args.run(args)` runs it."""
