// go2rs could not translate bad_type_decl.go: internal error (IndexError: list index out of range); please report this input
