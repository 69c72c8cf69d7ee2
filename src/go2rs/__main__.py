from go2rs.cli import main

main()
