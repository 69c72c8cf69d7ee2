"""Lowering: tree-sitter-go CST -> Go model.

Every top-level node kind is handled by one entry of `_DECL_LOWERINGS` (a table that refuses
duplicates); anything else at top level is a bare statement, and ERROR regions become `Unparsed`
values: never an exception, never silence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from tree_sitter import Node

from go2rs.diagnostics import Diagnostic, Severity
from go2rs.gomodel import (
    Body,
    ChanDir,
    Comment,
    Decl,
    EBinary,
    ECall,
    EIdent,
    ELit,
    EOther,
    ESelector,
    EUnary,
    Expr,
    Field,
    FuncDecl,
    GoFile,
    GoType,
    Import,
    MethodSpec,
    Param,
    Receiver,
    Span,
    Statements,
    TArray,
    TChan,
    TFunc,
    TInterface,
    TMap,
    TName,
    TPointer,
    TSlice,
    TStruct,
    TUnknown,
    TypeDecl,
    TypeParam,
    Unparsed,
    ValueGroup,
    ValueSpec,
    core_type,
    substitute_params,
)
from go2rs.parse.facts import collect_facts
from go2rs.parse.parser import decode, error_nodes, line_count, parse_go

MAX_TYPE_DEPTH = 64  # deeper types are not real code; they become TUnknown


@dataclass(frozen=True, slots=True)
class Lowered:
    file: GoFile
    diagnostics: tuple[Diagnostic, ...]


def text(node: Node | None) -> str:
    return (node.text or b"").decode("utf-8", errors="replace") if node is not None else ""


@dataclass
class _Lowerer:
    filename: str
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def span(self, node: Node) -> Span:
        return Span(
            self.filename, node.start_point[0] + 1, node.start_point[1] + 1, node.end_point[0] + 1
        )

    # ------------------------------------------------------------------------------ types

    def type_(self, node: Node | None, depth: int = 0) -> GoType:
        if node is None:
            return TUnknown("")
        if depth > MAX_TYPE_DEPTH:
            return TUnknown(text(node)[:80])
        lowering = _TYPE_LOWERINGS.get(node.type)
        if lowering is None:
            return TUnknown(text(node))
        return lowering(self, node, depth + 1)

    def _named(self, node: Node, depth: int) -> GoType:
        return TName(text(node))

    def _qualified(self, node: Node, depth: int) -> GoType:
        return TName(
            text(node.child_by_field_name("name")), text(node.child_by_field_name("package"))
        )

    def _generic(self, node: Node, depth: int) -> GoType:
        base = self.type_(node.child_by_field_name("type"), depth)
        args_node = node.child_by_field_name("type_arguments")
        args = tuple(self._elem(a, depth) for a in (args_node.named_children if args_node else []))
        if isinstance(base, TName):
            return TName(base.name, base.pkg, args)
        return base

    def _elem(self, node: Node, depth: int) -> GoType:
        if node.type == "type_elem" and node.named_children:
            return self.type_(node.named_children[0], depth)
        return self.type_(node, depth)

    def _pointer(self, node: Node, depth: int) -> GoType:
        inner = node.named_children[0] if node.named_children else None
        return TPointer(self.type_(inner, depth))

    def _slice(self, node: Node, depth: int) -> GoType:
        return TSlice(self.type_(node.child_by_field_name("element"), depth))

    def _array(self, node: Node, depth: int) -> GoType:
        length = node.child_by_field_name("length")
        return TArray(
            text(length) if length is not None else "...",
            self.type_(node.child_by_field_name("element"), depth),
        )

    def _map(self, node: Node, depth: int) -> GoType:
        return TMap(
            self.type_(node.child_by_field_name("key"), depth),
            self.type_(node.child_by_field_name("value"), depth),
        )

    def _chan(self, node: Node, depth: int) -> GoType:
        tokens = [c.type for c in node.children if not c.is_named]
        direction = ChanDir.BOTH
        if tokens and tokens[0] == "<-":
            direction = ChanDir.RECV
        elif "<-" in tokens:
            direction = ChanDir.SEND
        return TChan(direction, self.type_(node.child_by_field_name("value"), depth))

    def _func_type(self, node: Node, depth: int) -> GoType:
        return TFunc(
            self.params(node.child_by_field_name("parameters"), depth),
            self.results(node.child_by_field_name("result"), depth),
        )

    def _struct(self, node: Node, depth: int) -> GoType:
        body = next((c for c in node.named_children if c.type == "field_declaration_list"), None)
        return TStruct(tuple(self.fields(body, depth)) if body is not None else ())

    def _interface(self, node: Node, depth: int) -> GoType:
        methods: list[MethodSpec] = []
        embeds: list[GoType] = []
        terms: list[GoType] = []
        doc: list[str] = []
        for child in node.named_children:
            if child.type == "comment":
                doc.append(text(child))
                continue
            if child.type == "method_elem":
                methods.append(
                    MethodSpec(
                        text(child.child_by_field_name("name")),
                        self.params(child.child_by_field_name("parameters"), depth),
                        self.results(child.child_by_field_name("result"), depth),
                        tuple(doc),
                        self.span(child),
                    )
                )
            elif child.type == "type_elem":
                members = [self.type_(c, depth) for c in child.named_children]
                if len(members) == 1 and not any(
                    c.type == "negated_type" for c in child.named_children
                ):
                    embeds.append(members[0])
                else:
                    terms.extend(members)
            doc = []
        return TInterface(tuple(methods), tuple(embeds), tuple(terms))

    def _parenthesized(self, node: Node, depth: int) -> GoType:
        return self.type_(node.named_children[0] if node.named_children else None, depth)

    # -------------------------------------------------------------------- params and fields

    def params(self, node: Node | None, depth: int = 0) -> tuple[Param, ...]:
        if node is None:
            return ()
        out: list[Param] = []
        for decl in node.named_children:
            if decl.type not in ("parameter_declaration", "variadic_parameter_declaration"):
                continue
            ptype = self.type_(decl.child_by_field_name("type"), depth)
            variadic = decl.type == "variadic_parameter_declaration"
            names = decl.children_by_field_name("name")
            if not names:
                out.append(Param(None, ptype, variadic))
            out.extend(Param(text(n), ptype, variadic) for n in names)
        return tuple(out)

    def results(self, node: Node | None, depth: int = 0) -> tuple[Param, ...]:
        if node is None:
            return ()
        if node.type == "parameter_list":
            return self.params(node, depth)
        return (Param(None, self.type_(node, depth)),)

    def fields(self, body: Node, depth: int = 0) -> Iterator[Field]:
        doc: list[str] = []
        last_line = body.start_point[0]
        for child in body.named_children:
            if child.type == "comment":
                doc.append(text(child))
                continue
            if child.type != "field_declaration":
                continue
            first_line = child.start_point[0] - len(doc)
            group_break = first_line > last_line + 1
            last_line = child.end_point[0]
            ftype = self.type_(child.child_by_field_name("type"), depth)
            if any(c.type == "*" for c in child.children):
                ftype = TPointer(ftype)  # embedded `*T`
            tag_node = child.child_by_field_name("tag")
            tag = _string_value(text(tag_node)) if tag_node is not None else None
            names = child.children_by_field_name("name")
            if not names:
                yield Field(None, ftype, tag, tuple(doc), self.span(child), group_break)
            for i, name in enumerate(names):
                yield Field(
                    text(name), ftype, tag, tuple(doc), self.span(child), group_break and i == 0
                )
            doc = []

    def type_params(self, node: Node | None) -> tuple[TypeParam, ...]:
        if node is None:
            return ()
        out: list[TypeParam] = []
        for decl in node.named_children:
            if decl.type != "type_parameter_declaration":
                continue
            constraint_node = decl.child_by_field_name("type")
            constraint = self._constraint(constraint_node)
            out.extend(TypeParam(text(n), constraint) for n in decl.children_by_field_name("name"))
        return tuple(out)

    def _constraint(self, node: Node | None) -> GoType:
        if node is None:
            return TName("any")
        members = node.named_children if node.type == "type_constraint" else [node]
        types = [self.type_(m) for m in members]
        if len(types) == 1 and not any(m.type == "negated_type" for m in members):
            return types[0]
        return TInterface(terms=tuple(types))

    # ------------------------------------------------------------------------- expressions

    def expr(self, node: Node | None, depth: int = 0) -> Expr:
        if node is None:
            return EOther("")
        kind = node.type
        if depth > MAX_TYPE_DEPTH:
            return EOther(text(node))
        if kind in _LITERAL_KINDS:
            return ELit(_LITERAL_KINDS[kind], text(node))
        if kind in ("identifier", "iota"):
            return EIdent(text(node))
        if kind == "selector_expression":
            return ESelector(
                self.expr(node.child_by_field_name("operand"), depth + 1),
                text(node.child_by_field_name("field")),
            )
        if kind == "call_expression":
            args = node.child_by_field_name("arguments")
            return ECall(
                self.expr(node.child_by_field_name("function"), depth + 1),
                tuple(
                    self.expr(a, depth + 1)
                    for a in (args.named_children if args else [])
                    if a.type != "comment"
                ),
            )
        if kind == "binary_expression":
            return EBinary(
                text(node.child_by_field_name("operator")),
                self.expr(node.child_by_field_name("left"), depth + 1),
                self.expr(node.child_by_field_name("right"), depth + 1),
            )
        if kind == "unary_expression":
            return EUnary(
                text(node.child_by_field_name("operator")),
                self.expr(node.child_by_field_name("operand"), depth + 1),
            )
        if kind == "parenthesized_expression" and node.named_children:
            return self.expr(node.named_children[0], depth + 1)
        return EOther(text(node))

    # ------------------------------------------------------------------------ declarations

    def body(self, node: Node | None, results: tuple[Param, ...]) -> Body | None:
        if node is None:
            return None
        error_last = bool(results) and results[-1].type == TName("error")
        facts = collect_facts([node], len(results), error_last)
        return Body(text(node), facts, self.span(node))

    def func(self, node: Node, doc: tuple[str, ...]) -> list[Decl]:
        type_params = self.type_params(node.child_by_field_name("type_parameters"))
        params = self.params(node.child_by_field_name("parameters"))
        results = self.results(node.child_by_field_name("result"))
        # `S ~[]E`: S can only be used as its core type, so the model uses that type.
        core = {p.name: c for p in type_params if (c := core_type(p.constraint)) is not None}
        if core:
            type_params = tuple(p for p in type_params if p.name not in core)
            params, results = substitute_params(params, core), substitute_params(results, core)
        receiver = None
        if node.type == "method_declaration":
            receiver = self.receiver(node.child_by_field_name("receiver"))
        return [
            FuncDecl(
                name=text(node.child_by_field_name("name")),
                receiver=receiver,
                type_params=type_params,
                params=params,
                results=results,
                body=self.body(node.child_by_field_name("body"), results),
                doc=doc,
                span=self.span(node),
                core_types=tuple(core.items()),
            )
        ]

    def receiver(self, node: Node | None) -> Receiver:
        params = self.params(node)
        if not params:
            return Receiver(None, "_", (), False)
        param = params[0]
        rtype = param.type
        pointer = isinstance(rtype, TPointer)
        if isinstance(rtype, TPointer):
            rtype = rtype.elem
        if isinstance(rtype, TName):
            args = tuple(a.name if isinstance(a, TName) else "_" for a in rtype.args)
            return Receiver(param.name, rtype.name, args, pointer)
        return Receiver(param.name, "_", (), pointer)

    def types(self, node: Node, doc: tuple[str, ...]) -> list[Decl]:
        out: list[Decl] = []
        spec_doc: list[str] = []
        for spec in node.named_children:
            if spec.type == "comment":
                spec_doc.append(text(spec))
                continue
            if spec.type not in ("type_spec", "type_alias"):
                continue
            out.append(
                TypeDecl(
                    name=text(spec.child_by_field_name("name")),
                    type_params=self.type_params(spec.child_by_field_name("type_parameters")),
                    type=self.type_(spec.child_by_field_name("type")),
                    doc=doc + tuple(spec_doc),
                    span=self.span(spec),
                    alias=spec.type == "type_alias",
                )
            )
            spec_doc = []
        return out

    def values(self, node: Node, doc: tuple[str, ...]) -> list[Decl]:
        kind = "const" if node.type == "const_declaration" else "var"
        specs: list[ValueSpec] = []
        previous: tuple[Node | None, list[Node]] = (None, [])
        grouped = any(c.type == "(" for c in node.children)
        spec_doc: list[str] = [] if grouped else list(doc)
        doc = doc if grouped else ()
        for iota, spec in enumerate(_value_specs(node, spec_doc)):
            type_node = spec.child_by_field_name("type")
            value_node = spec.child_by_field_name("value")
            values = value_node.named_children if value_node is not None else []
            if kind == "const" and value_node is None:
                type_node, values = previous  # implicit repetition of the previous spec
            previous = (type_node, values)
            gtype = self.type_(type_node) if type_node is not None else None
            # tree-sitter-go puts const_spec's commas in the `name` field too: `const A, B = 1, 2`.
            names = [n for n in spec.children_by_field_name("name") if n.is_named]
            for i, name in enumerate(names):
                value = values[i] if i < len(values) else None
                specs.append(
                    ValueSpec(
                        name=text(name),
                        type=gtype,
                        value=self.expr(value) if value else None,
                        value_text=text(value),
                        iota=iota,
                        doc=tuple(spec_doc),
                        span=self.span(spec),
                    )
                )
            spec_doc.clear()
        return [ValueGroup(kind, tuple(specs), doc, self.span(node))]


def _value_specs(node: Node, doc: list[str]) -> Iterator[Node]:
    """const_spec / var_spec children, also inside a var_spec_list, collecting their comments."""
    for child in node.named_children:
        if child.type == "comment":
            doc.append(text(child))
        elif child.type in ("const_spec", "var_spec"):
            yield child
        elif child.type == "var_spec_list":
            yield from _value_specs(child, doc)


def _string_value(literal: str) -> str:
    if len(literal) >= 2 and literal[0] in '`"':
        return literal[1:-1]
    return literal


_LITERAL_KINDS = {
    "int_literal": "int",
    "float_literal": "float",
    "imaginary_literal": "imaginary",
    "interpreted_string_literal": "string",
    "raw_string_literal": "string",
    "rune_literal": "rune",
    "true": "bool",
    "false": "bool",
    "nil": "nil",
}

_TypeLowering = Callable[[_Lowerer, Node, int], GoType]


def _table(*entries: tuple[str, _TypeLowering]) -> dict[str, _TypeLowering]:
    table: dict[str, _TypeLowering] = {}
    for kind, fn in entries:
        if kind in table:
            raise ValueError(f"duplicate lowering for {kind}")
        table[kind] = fn
    return table


_TYPE_LOWERINGS = _table(
    ("type_identifier", _Lowerer._named),
    ("identifier", _Lowerer._named),
    ("qualified_type", _Lowerer._qualified),
    ("generic_type", _Lowerer._generic),
    ("pointer_type", _Lowerer._pointer),
    ("slice_type", _Lowerer._slice),
    ("array_type", _Lowerer._array),
    ("implicit_length_array_type", _Lowerer._array),
    ("map_type", _Lowerer._map),
    ("channel_type", _Lowerer._chan),
    ("function_type", _Lowerer._func_type),
    ("struct_type", _Lowerer._struct),
    ("interface_type", _Lowerer._interface),
    ("parenthesized_type", _Lowerer._parenthesized),
    ("negated_type", _Lowerer._parenthesized),
    ("type_elem", _Lowerer._elem),
    ("type_constraint", _Lowerer._parenthesized),
)

_DeclLowering = Callable[[_Lowerer, Node, tuple[str, ...]], list[Decl]]
_DECL_LOWERINGS: dict[str, _DeclLowering] = {
    "function_declaration": _Lowerer.func,
    "method_declaration": _Lowerer.func,
    "type_declaration": _Lowerer.types,
    "const_declaration": _Lowerer.values,
    "var_declaration": _Lowerer.values,
}
_SKIPPED = {"package_clause", "import_declaration", "comment", "ERROR"}


def lower_expr(node: Node | None) -> Expr:
    """A Go expression node -> the Go model's small expression type (constant folding)."""
    return _Lowerer("").expr(node)


def lower_type(node: Node | None, filename: str) -> GoType:
    """A Go type node met inside a function body (draft mode) -> the Go model."""
    return _Lowerer(filename).type_(node)


def lower(source: str | bytes, filename: str = "input.go") -> Lowered:
    """Parse and lower one Go file (or fragment). Never raises on bad input."""
    data, repaired = decode(source)
    lowerer = _Lowerer(filename)
    if repaired:
        lowerer.diagnostics.append(
            Diagnostic(
                filename, 1, 1, Severity.WARNING, "input is not valid UTF-8; bad bytes replaced"
            )
        )
    tree = parse_go(data)
    root = tree.root_node
    for bad in error_nodes(root):
        what = f"missing {bad.type}" if bad.is_missing else "syntax error"
        lowerer.diagnostics.append(
            Diagnostic(
                filename,
                bad.start_point[0] + 1,
                bad.start_point[1] + 1,
                Severity.ERROR,
                f"{what}; go2rs translated what parsed around it",
            )
        )
    package: str | None = None
    imports: list[Import] = []
    decls: list[Decl] = []
    pending: list[Node] = []  # comments waiting to see whether they document the next node
    run: list[Node] = []  # consecutive bare statements
    for node in root.named_children:
        if node.type != "comment" and run and not _is_statement(node):
            decls.append(_statements(lowerer, run))
            run = []
        if node.type == "comment":
            pending.append(node)
            continue
        doc = _take_doc(pending, node, decls, lowerer)
        if node.type == "package_clause":
            package = text(node.named_children[0]) if node.named_children else None
        elif node.type == "import_declaration":
            imports.extend(_imports(node))
        elif node.type == "ERROR":
            decls.append(Unparsed(text(node), lowerer.span(node)))
        elif (lowering := _DECL_LOWERINGS.get(node.type)) is not None:
            decls.extend(lowering(lowerer, node, doc))
        else:
            run.append(node)
    if run:
        decls.append(_statements(lowerer, run))
    decls.extend(Comment(text(c), lowerer.span(c)) for c in pending)
    gofile = GoFile(filename, package, tuple(imports), tuple(decls), line_count(data))
    return Lowered(gofile, tuple(lowerer.diagnostics))


def _is_statement(node: Node) -> bool:
    return node.type not in _DECL_LOWERINGS and node.type not in _SKIPPED


def _take_doc(
    pending: list[Node], node: Node, decls: list[Decl], lowerer: _Lowerer
) -> tuple[str, ...]:
    """Comments ending on the line above `node` document it; earlier ones stand alone."""
    doc: list[Node] = []
    next_line = node.start_point[0]
    for comment in reversed(pending):
        if comment.end_point[0] + 1 != next_line:
            break
        doc.insert(0, comment)
        next_line = comment.start_point[0]
    for comment in pending[: len(pending) - len(doc)]:
        decls.append(Comment(text(comment), lowerer.span(comment)))
    pending.clear()
    return tuple(text(c) for c in doc)


def _statements(lowerer: _Lowerer, nodes: list[Node]) -> Statements:
    first, last = nodes[0], nodes[-1]
    source = b"\n".join(n.text or b"" for n in nodes).decode("utf-8", errors="replace")
    span = Span(
        lowerer.filename, first.start_point[0] + 1, first.start_point[1] + 1, last.end_point[0] + 1
    )
    return Statements(source, collect_facts(nodes), span)


def _imports(node: Node) -> Iterator[Import]:
    specs = [c for c in node.named_children if c.type == "import_spec"]
    for spec_list in (c for c in node.named_children if c.type == "import_spec_list"):
        specs.extend(c for c in spec_list.named_children if c.type == "import_spec")
    for spec in specs:
        path = _string_value(text(spec.child_by_field_name("path")))
        alias_node = spec.child_by_field_name("name")
        yield Import(path, text(alias_node) if alias_node is not None else None)
