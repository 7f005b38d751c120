from figcheck.cli import main

main()
