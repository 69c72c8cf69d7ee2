"""Go model + decisions -> Rust model: one file's items in Go order, impls beside their type.

The idiom passes (go2rs.idioms.PASSES) have already decided every shape; this module only
walks declarations and asks each idiom's builder for the items.
"""

from __future__ import annotations

from go2rs.bodies.draft import apply_draft, draft_display
from go2rs.bodies.stdlib import GO_DURATION, support_items
from go2rs.context import Ctx, Todo, type_params_in_scope
from go2rs.gomodel import (
    Comment,
    Decl,
    FuncDecl,
    GoFile,
    Statements,
    TInterface,
    TStruct,
    TypeDecl,
    Unparsed,
    ValueGroup,
)
from go2rs.idioms import consts, enums, errors, naming, structs
from go2rs.idioms.comments import comment_lines, doc_lines, go_source_lines
from go2rs.idioms.functions import Signature, build_fn
from go2rs.idioms.generics import constraint_trait, generics, method_zero_valued
from go2rs.idioms.interfaces import (
    SPECIAL_METHODS,
    forwarders,
    is_constraint,
    own_methods,
    supertraits,
)
from go2rs.idioms.literals import rust_string
from go2rs.idioms.types import Pos, map_type
from go2rs.rustmodel import (
    Body,
    CommentBlock,
    Fn,
    Impl,
    Item,
    Meta,
    Param,
    RustFile,
    Struct,
    Trait,
    TypeAlias,
)

ASYNC_TRAIT = "#[async_trait::async_trait]"


class FileBuilder:
    """Builds the items of one Go file; state lives in `ctx` (shared across a package)."""

    def __init__(self, ctx: Ctx, gofile: GoFile, emit_error_enum: bool) -> None:
        self.ctx = ctx
        self.gofile = gofile
        self.pending_error_enum = emit_error_enum and ctx.decisions.errors is not None
        self.foreign_receivers_done: set[str] = set()
        self.const_env: dict[str, str] = {}
        self.snippets = 0
        plan = ctx.decisions.errors  # once per file, not once per var block (big files)
        self.sentinel_names = frozenset(name for name, _, _ in plan.sentinels) if plan else None

    def build(self) -> list[Item]:
        items: list[Item] = []
        sentinel_here = any(
            isinstance(d, ValueGroup)
            and d.kind == "var"
            and any(errors.sentinel_message(s.value) is not None for s in d.specs)
            for d in self.gofile.decls
        )
        if self.pending_error_enum and not sentinel_here:
            items.append(self._error_enum())
        for decl in self.gofile.decls:
            items.extend(self.decl(decl))
        return items

    def _error_enum(self) -> Item:
        self.pending_error_enum = False
        assert self.ctx.decisions.errors is not None
        return errors.build_error_enum(self.ctx.decisions.errors, self.ctx)

    def decl(self, decl: Decl) -> list[Item]:
        match decl:
            case TypeDecl():
                with type_params_in_scope(self.ctx, decl.type_params):
                    return self.type_decl(decl)
            case FuncDecl(name="_"):
                return [self.blank_func(decl)]
            case FuncDecl(receiver=None):
                with type_params_in_scope(self.ctx, decl.type_params):
                    fn = build_fn(
                        Signature.of(decl),
                        self.ctx,
                        pub=naming.is_exported(decl.name) and decl.name != "main",
                        body=decl.body,
                        span=decl.span,
                        doc=decl.doc,
                    )
                    return [apply_draft(decl, fn, self.ctx)]
            case FuncDecl():
                return self.foreign_receiver(decl)
            case ValueGroup():
                return self.value_group(decl)
            case Statements():
                return [self.statements(decl)]
            case Unparsed():
                return [self.unparsed(decl)]
            case Comment():
                return [CommentBlock(tuple(comment_lines(decl.text)))]
        return []

    # ------------------------------------------------------------------------------ types

    def type_decl(self, decl: TypeDecl) -> list[Item]:
        ctx = self.ctx
        origin = f"go: {decl.span.file}:{decl.span.line}"
        if decl.name in ctx.decisions.enums:
            return [
                enums.build_enum(ctx.decisions.enums[decl.name], decl, ctx),
                *self.type_impls(decl),
            ]
        match decl.type:
            case TInterface() as iface if is_constraint(iface):
                return list(constraint_trait(decl, iface, ctx))
            case TInterface() as iface:
                return [self.trait(decl, iface)]
            case TStruct():
                return [*structs.build_struct(decl, ctx), *self.type_impls(decl)]
        if not decl.alias and (
            enums.underlying_basic(decl) is not None or decl.name in ctx.program.methods
        ):
            return [structs.build_newtype(decl, ctx), *self.type_impls(decl)]
        generic_text, notes = generics(decl.type_params, ctx, bounds=False)
        rust = ctx.need(map_type(decl.type, Pos.FIELD, ctx))
        return [
            TypeAlias(
                ctx.type_name(decl.name),
                naming.is_exported(decl.name),
                rust,
                generic_text,
                Meta(docs=doc_lines(decl.doc), notes=tuple(notes), origin=origin),
            )
        ]

    def trait(self, decl: TypeDecl, iface: TInterface) -> Trait:
        ctx = self.ctx
        methods = tuple(
            build_fn(
                Signature(f"{decl.name}.{m.name}", m.name, m.params, m.results),
                ctx,
                pub=False,
                body=None,
                span=None,
                doc=m.doc,
                in_trait=True,
            )
            for m in own_methods(iface)
        )
        generic_text, notes = generics(decl.type_params, ctx)
        notes.insert(0, ctx.note("I01", "Go interface → trait; implementations are explicit"))
        supers = supertraits(iface, ctx, decl.name)
        if iface.embeds:
            notes.append(ctx.note("I03", "embedded interfaces → supertraits"))
        return Trait(
            ctx.type_name(decl.name),
            naming.is_exported(decl.name),
            methods,
            tuple(supers),
            generic_text,
            self._async_attr(methods),
            Meta(
                docs=doc_lines(decl.doc),
                notes=tuple(notes),
                origin=f"go: {decl.span.file}:{decl.span.line}",
            ),
        )

    def _async_attr(self, fns: tuple[Fn, ...]) -> tuple[str, ...]:
        if any(f.is_async for f in fns):
            self.ctx.sink.crates.add("async-trait")
            return (ASYNC_TRAIT,)
        return ()

    def type_impls(self, decl: TypeDecl) -> list[Item]:
        """Inherent impl, Display/Error impls and trait impls of a local type."""
        ctx = self.ctx
        methods = ctx.program.methods.get(decl.name, [])
        if not methods and not ctx.decisions.trait_impls.get(decl.name):
            return []  # (a struct may implement traits only through promoted methods)
        param_names = tuple(p.name for p in decl.type_params)
        defaults = method_zero_valued(decl.name, ctx)
        generic_text, _ = generics(decl.type_params, ctx, defaults=defaults)
        self_type = ctx.type_name(decl.name) + (
            f"<{', '.join(param_names)}>" if param_names else ""
        )
        return self.impls(decl.name, self_type, generic_text, methods, param_names)

    def impls(
        self,
        type_name: str,
        self_type: str,
        generic_text: str,
        methods: list[FuncDecl],
        param_names: tuple[str, ...],
    ) -> list[Item]:
        ctx = self.ctx
        special = self._special_methods(type_name)
        traits = ctx.decisions.trait_impls.get(type_name, [])
        in_traits = {
            m.name for t in traits if (i := ctx.program.interface(t)) for m in own_methods(i)
        }
        items: list[Item] = []
        with type_params_in_scope(ctx, param_names):
            inherent = tuple(
                self.method(m) for m in methods if m.name not in in_traits and m.name not in special
            )
            if inherent:
                inherent += _is_empty_beside_len(inherent, ctx)
                note = ctx.note("M04", "methods → one impl block")
                items.append(
                    Impl(self_type, inherent, generics=generic_text, meta=Meta(notes=(note,)))
                )
            items.extend(self._display_impls(type_name, self_type, generic_text, methods, special))
            for trait_name in traits:
                iface = ctx.program.interface(trait_name)
                names = {m.name for m in own_methods(iface)} if iface else set()
                fns = tuple(self.method(m, in_trait=True) for m in methods if m.name in names)
                fns += forwarders(type_name, names, ctx)  # methods Go promoted
                note = ctx.note(
                    "I02",
                    f"{ctx.type_name(type_name)} has every method of "
                    f"{trait_name}; Go satisfied it implicitly",
                )
                items.append(
                    Impl(
                        self_type,
                        fns,
                        trait=ctx.type_name(trait_name),
                        generics=generic_text,
                        attrs=self._async_attr(fns),
                        meta=Meta(notes=(note,)),
                    )
                )
        return items

    def _special_methods(self, type_name: str) -> set[str]:
        if type_name in self.ctx.decisions.error_types:
            return {"Error", "Unwrap"} if errors.unwrapped_field(type_name, self.ctx) else {"Error"}
        if type_name in self.ctx.decisions.display_types:
            return {"String"}
        return set()

    def _display_impls(
        self,
        type_name: str,
        self_type: str,
        generic_text: str,
        methods: list[FuncDecl],
        special: set[str],
    ) -> list[Item]:
        ctx = self.ctx
        items: list[Item] = []
        for method in methods:
            if method.name not in special or method.name not in SPECIAL_METHODS:
                continue  # Unwrap: part of the Error impl
            body = self.method(method, draft=False).body
            fmt = Fn(
                "fmt", False, (), "std::fmt::Result", body, "&self, f: &mut std::fmt::Formatter<'_>"
            )
            fmt = draft_display(method, fmt, ctx)
            code = "E03" if method.name == "Error" else "I04"
            note = ctx.note(code, f"{method.name}() string → Display")
            items.append(
                Impl(
                    self_type,
                    (fmt,),
                    trait="std::fmt::Display",
                    generics=generic_text,
                    meta=Meta(notes=(note,)),
                )
            )
            if method.name == "Error":
                items.append(self._error_impl(type_name, self_type, generic_text))
        return items

    def _error_impl(self, type_name: str, self_type: str, generic_text: str) -> Impl:
        """`impl std::error::Error`, with `source()` where Go's `Unwrap()` returned a field."""
        field = errors.unwrapped_field(type_name, self.ctx)
        if field is None:
            return Impl(self_type, (), trait=SPECIAL_METHODS["Error"], generics=generic_text)
        unwrap = self.ctx.program.method_names(type_name)["Unwrap"]
        note = self.ctx.note("E07", f"Unwrap() error → source(): the cause in `{field}`")
        source = Fn(
            "source",
            False,
            (),
            "Option<&(dyn std::error::Error + 'static)>",
            Body("", (), (f"Some(self.{naming.snake(field)}.as_ref())",)),
            "&self",
            meta=Meta(
                docs=doc_lines(unwrap.doc),
                notes=(note,),
                origin=f"go: {unwrap.span.file}:{unwrap.span.line}",
            ),
        )
        return Impl(self_type, (source,), trait=SPECIAL_METHODS["Error"], generics=generic_text)

    def method(self, fn: FuncDecl, in_trait: bool = False, draft: bool = True) -> Fn:
        rust = build_fn(
            Signature.of(fn),
            self.ctx,
            pub=naming.is_exported(fn.name) and not in_trait,
            body=fn.body,
            span=fn.span,
            doc=fn.doc,
            in_trait=in_trait,
        )
        return apply_draft(fn, rust, self.ctx) if draft else rust

    def foreign_receiver(self, decl: FuncDecl) -> list[Item]:
        """Methods on a type defined outside the input: one impl at the first such method,
        with a placeholder for the type."""
        assert decl.receiver is not None
        type_name = decl.receiver.type_name
        if type_name in self.ctx.program.types or type_name in self.foreign_receivers_done:
            return []
        self.foreign_receivers_done.add(type_name)
        args = decl.receiver.type_args
        rust = self.ctx.type_name(type_name)
        self.ctx.placeholder(
            rust, len(args), type_name, f"receiver type `{type_name}` is defined outside this input"
        )
        self_type = rust + (f"<{', '.join(args)}>" if args else "")
        generic_text = f"<{', '.join(args)}>" if args else ""
        return self.impls(
            type_name, self_type, generic_text, self.ctx.program.methods.get(type_name, []), args
        )

    # --------------------------------------------------------------------- values and rest

    def value_group(self, group: ValueGroup) -> list[Item]:
        """A const/var block; its own doc comment stays above it as a plain comment."""
        items: list[Item] = []
        if group.doc:
            items.append(CommentBlock(doc_lines(group.doc)))
        if group.kind == "const":
            return items + consts.build_consts(group.specs, self.ctx, self.const_env)
        return items + self.var_group(group)

    def var_group(self, group: ValueGroup) -> list[Item]:
        items: list[Item] = []
        sentinels = set(self.sentinel_names or ())
        if self.pending_error_enum and any(s.name in sentinels for s in group.specs):
            items.append(self._error_enum())
        if self.ctx.program.is_main:
            sentinels = set()
        items.extend(consts.build_vars(group.specs, self.ctx, sentinels))
        return items

    def statements(self, stmts: Statements) -> Fn:
        ctx = self.ctx
        self.snippets += 1
        name = "snippet" if self.snippets == 1 else f"snippet_{self.snippets}"
        facts = stmts.facts
        is_async = facts.has_go or facts.has_select or facts.uses_channels(frozenset())
        note = ctx.note("X02", "bare Go statements, wrapped into a function")
        ctx.sink.idioms["F05"] += 1
        return Fn(
            name,
            False,
            (),
            None,
            Body("go2rs: translate these Go statements", go_source_lines(stmts.text)),
            is_async=is_async,
            meta=Meta(notes=(note,), origin=f"go: {stmts.span.file}:{stmts.span.line}"),
        )

    def blank_func(self, fn: FuncDecl) -> CommentBlock:
        """`func _()` is never called (stringer's compile-time checks); Rust has no such item,
        so its body stays visible as a comment."""
        note = self.ctx.note("X03", "blank Go function `_` is never called; kept as a comment")
        body = go_source_lines(fn.body.text) if fn.body is not None else ()
        receiver = f"({fn.receiver.type_name}) " if fn.receiver is not None else ""
        lines = (f"Go: func {receiver}_()", *("    " + line for line in body))
        return CommentBlock(lines, Meta(notes=(note,), origin=f"go: {fn.span.file}:{fn.span.line}"))

    def unparsed(self, bad: Unparsed) -> CommentBlock:
        ctx = self.ctx
        ctx.sink.todos.append(Todo(bad.span, "Go that did not parse"))
        note = ctx.note(
            "X01", f"Go at {bad.span.line}:{bad.span.col} did not parse; fix it and run go2rs again"
        )
        lines = (
            "TODO(go2rs): not translated:",
            *tuple("    " + line for line in go_source_lines(bad.text)),
        )
        return CommentBlock(lines, Meta(notes=(note,), origin=f"go: {bad.span}"))


_INTEGERS = frozenset({"i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "usize"})


def _is_empty_beside_len(fns: tuple[Fn, ...], ctx: Ctx) -> tuple[Fn, ...]:
    """Rust convention (clippy's len_without_is_empty): a public len() comes with is_empty()."""
    by_name = {f.name: f for f in fns}
    length = by_name.get("len")
    if (
        length is None
        or "is_empty" in by_name
        or not length.pub
        or length.params
        or length.self_param != "&self"
        or length.ret not in _INTEGERS
        or length.is_async
    ):
        return ()
    note = ctx.note("M04", "Rust convention: is_empty() beside a public len()")
    return (
        Fn(
            "is_empty",
            True,
            (),
            "bool",
            Body("", (), ("self.len() == 0",)),
            "&self",
            meta=Meta(notes=(note,)),
        ),
    )


def placeholder_items(ctx: Ctx) -> list[Item]:
    items: list[Item] = []
    local = set(ctx.program.types)
    for name, ph in sorted(ctx.sink.placeholders.items()):
        if ph.go_name in local:
            continue
        params = [f"T{i}" if ph.arity > 1 else "T" for i in range(ph.arity)]
        generic_text = f"<{', '.join(params)}>" if params else ""
        marker = params[0] if len(params) == 1 else f"({', '.join(params)})"
        phantom = f"std::marker::PhantomData<{marker}>" if params else None
        note = ctx.note("P01", ph.note)
        items.append(
            Struct(
                name,
                True,
                (),
                derives=("Debug", "Clone", "Default"),
                generics=generic_text,
                tuple_type=phantom,
                meta=Meta(notes=(note,)),
            )
        )
        if ph.methods:  # stubs for the methods bodies call (todo!() until it is replaced)
            methods = tuple(sorted(ph.methods, key=lambda m: m.name))
            items.append(Impl(f"{name}{generic_text}", methods, generics=generic_text))
        if ph.error_text:  # a foreign sentinel error: Display is Go's text
            show = Fn(
                "fmt",
                False,
                (Param("f", "&mut std::fmt::Formatter<'_>"),),
                "std::fmt::Result",
                Body("", (), (f"f.write_str({rust_string(ph.error_text)})",)),
                self_param="&self",
            )
            items.append(Impl(name, (show,), trait="std::fmt::Display"))
            items.append(Impl(name, (), trait="std::error::Error"))
    return items


def build_file(gofile: GoFile, ctx: Ctx, emit_error_enum: bool, placeholders: bool) -> RustFile:
    items = FileBuilder(ctx, gofile, emit_error_enum).build()
    items += support_items(ctx.sink.uses)
    uses = sorted(u for u in ctx.sink.uses if u != GO_DURATION)
    section = placeholder_items(ctx) if placeholders else []
    if section:
        heading = "go2rs: placeholders for names defined outside this input"
        section.insert(0, CommentBlock((heading,)))
    crates = sorted(ctx.sink.crates)
    what = (
        "draft: bodies translated where go2rs can"
        if ctx.options.mode == "draft"
        else "skeleton: bodies are todo!()"
    )
    header = [f"Rust draft of {gofile.name}, generated by go2rs ({what})."]
    if crates:
        header.append(f"Crates this file needs: {', '.join(crates)}.")
    return RustFile(tuple(header), tuple(uses), tuple(items), tuple(section))
