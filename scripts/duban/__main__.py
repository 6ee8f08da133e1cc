from duban.cli.main import main

raise SystemExit(main())
