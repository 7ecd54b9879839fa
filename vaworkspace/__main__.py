from vaworkspace.cli import main

raise SystemExit(main())
