from showguide.cli import main

raise SystemExit(main())
