from go2rs.launch import main  # the paste fast path, then the typer app

main()
