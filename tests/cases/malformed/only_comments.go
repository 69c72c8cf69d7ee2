// This file contains only comments.
// There is no package clause and no declarations.

/* A block comment too. */
