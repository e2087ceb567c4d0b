from newslab.cli import main

raise SystemExit(main())
