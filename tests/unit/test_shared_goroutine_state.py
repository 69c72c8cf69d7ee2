"""Locals that `go func(){..}()` bodies write become `Arc<Mutex<T>>` (bodies/locks.py): each
task clones the handle, a `mu.Lock() .. mu.Unlock()` section holds the guard for the whole
section, and any other statement naming the local locks it for that statement only."""

from __future__ import annotations

from go2rs.api import Options, Translation, translate


def _draft(go: str) -> Translation:
    return translate(go.encode(), Options(filename="p.go", format=False))


def _main(body: str) -> str:
    return f"""package main

import (
	"fmt"
	"sync"
)

func main() {{
	var wg sync.WaitGroup
	var mu sync.Mutex
{body}
	wg.Wait()
}}
"""


def _lines(rust: str) -> list[str]:
    return [line.strip() for line in rust.splitlines() if line.strip()]


def _follows(lines: list[str], expected: list[str]) -> bool:
    """Whether `expected` appears in `lines` as consecutive lines."""
    return any(lines[i : i + len(expected)] == expected for i in range(len(lines)))


def test_a_mutex_section_becomes_one_guard_over_the_shared_local() -> None:
    result = _draft(
        _main("""	total := 0
	for i := 1; i <= 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := i * 10
			mu.Lock()
			total += v
			if total > 15 {
				total -= 1
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("total:", total)""")
    )
    lines = _lines(result.rust)
    assert "let total: Arc<Mutex<i64>> = Arc::new(Mutex::new(0));" in lines
    assert "let total = total.clone();" in lines  # each task owns a handle
    # the whole section under one guard: Go's atomicity is kept
    assert _follows(
        lines,
        [
            "{",
            "let total = &mut *total.lock().unwrap();",
            "*total += v;",
            "if *total > 15 {",
            "*total -= 1;",
            "}",
            "}",
        ],
    )
    assert result.rust.count(".lock().unwrap()") == 2  # the section and the read after Wait
    assert _follows(lines, ["let total = *total.lock().unwrap();"])  # a Copy read: a snapshot
    assert "use std::sync::Arc;" in lines and "use std::sync::Mutex;" in lines
    assert not result.todos


def test_slot_writes_without_a_mutex_lock_one_statement_and_the_range_reads_through_it() -> None:
    result = _draft(
        _main("""	results := make([]int, 3)
	for i := range 3 {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = i * i
		}(i)
	}
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}""").replace("\tvar mu sync.Mutex\n", "")
    )
    lines = _lines(result.rust)
    assert "let results: Arc<Mutex<Vec<i64>>> = Arc::new(Mutex::new(vec![0; 3]));" in lines
    assert _follows(
        lines,
        ["{", "let results = &mut *results.lock().unwrap();", "results[i as usize] = i * i;", "}"],
    )
    assert _follows(lines, ["{", "let results = &*results.lock().unwrap();"])
    assert "let i = i;" not in lines  # the task captures its own copy of i already
    assert not result.todos


def test_a_section_guarding_two_locals_stays_todo_rather_than_two_locks() -> None:
    result = _draft(
        _main("""	a, b := 0, 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			a++
			b++
			mu.Unlock()
		}()
	}""")
    )
    assert "a mu.Lock() section guarding a, b" in result.rust
    assert "*a += 1;" not in result.rust and "*b += 1;" not in result.rust
    assert [t.span.line for t in result.todos] == [16]


def test_a_section_awaiting_while_locked_stays_todo() -> None:
    result = _draft(
        _main("""	n := 0
	ch := make(chan int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			n += i
			ch <- n
			mu.Unlock()
		}()
	}""")
    )
    assert "a lock held across .await" in result.rust
    assert "*n += i;" not in result.rust  # the section is kept whole, not half-translated


def test_a_deferred_unlock_keeps_the_mutex_untranslated() -> None:
    result = _draft(
        _main("""	n := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			defer mu.Unlock()
			n += i
		}()
	}""")
    )
    assert "a local sync mutex: Rust locks the data itself" in result.rust
    assert [t.span.line for t in result.todos] == [10]


def test_a_shared_local_read_by_a_declaration_stays_todo() -> None:
    result = _draft(
        _main("""	n := 0
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			n += i
			mu.Unlock()
		}()
	}
	wg.Wait()
	m := n
	fmt.Println(m)""")
    )
    assert "`n` (shared with goroutines) used where go2rs cannot lock it" in result.rust
    assert [t.span.line for t in result.todos] == [22]


# ------------------------------------------------ a Receiver several tasks share (channels.py)

_POOL = """package main

import "fmt"

func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		results <- j * 2
	}
}

func main() {
	jobs := make(chan int, 3)
	results := make(chan int, 3)
	for w := 0; w < %d; w++ {
		go worker(jobs, results)
	}
	for j := 1; j <= 3; j++ {
		jobs <- j
	}
	close(jobs)
	sum := 0
	for range 3 {
		sum += <-results
	}
	fmt.Println(sum)
}
"""


def test_workers_started_in_a_loop_share_the_receiver() -> None:
    rust = _draft(_POOL.replace("w < %d", "w < 3")).rust
    lines = _lines(rust)
    assert "jobs: Arc<tokio::sync::Mutex<mpsc::Receiver<i64>>>," in rust
    assert _follows(
        lines,
        [
            "let (jobs_tx, jobs_rx) = mpsc::channel::<i64>(3);",
            "let jobs_rx = Arc::new(tokio::sync::Mutex::new(jobs_rx));",
        ],
    )
    # each receive locks the Receiver for that receive only, not for the loop body
    assert _follows(lines, ["loop {", "let Some(j) = jobs.lock().await.recv().await else {"])
    assert "tokio::spawn(worker(jobs_rx.clone(), results_tx.clone()));" in lines


def test_one_worker_takes_the_receiver_itself() -> None:
    source = _POOL.replace(
        "for w := 0; w < %d; w++ {\n\t\tgo worker(jobs, results)\n\t}", "go worker(jobs, results)"
    )
    lines = _lines(_draft(source).rust)
    assert not any("Arc<" in line for line in lines)
    # the spawner only receives results afterwards: the task takes its Sender too
    assert "tokio::spawn(worker(jobs_rx, results_tx));" in lines


def test_the_spawner_receiving_after_its_task_shares_the_receiver() -> None:
    rust = _draft("""package main

import "fmt"

func main() {
	jobs := make(chan int, 2)
	done := make(chan bool)
	go func() {
		for j := range jobs {
			fmt.Println(j)
		}
		done <- true
	}()
	jobs <- 1
	close(jobs)
	<-done
	_, ok := <-jobs
	fmt.Println(ok)
}
""").rust
    lines = _lines(rust)
    assert "let jobs_rx = jobs_rx.clone();" in lines  # the task's own handle
    assert "let (_, ok) = match jobs_rx.lock().await.recv().await {" in lines
    assert "let (done_tx, mut done_rx) = mpsc::channel::<bool>(1);" in lines  # not shared


# ------------------------------------- a channel made inside a struct literal (channels.py)


def test_a_reply_channel_in_a_struct_literal_keeps_its_receiver_local() -> None:
    rust = _draft("""package main

import "fmt"

type request struct {
	n    int
	resp chan int
}

func main() {
	requests := make(chan request)
	go func() {
		for r := range requests {
			r.resp <- r.n * 2
		}
	}()
	r := request{n: 21, resp: make(chan int)}
	requests <- r
	fmt.Println(<-r.resp)
}
""").rust
    lines = _lines(rust)
    assert _follows(
        lines,
        [
            "let (r_resp_tx, mut r_resp_rx) = mpsc::channel::<i64>(1);",
            "let r = Request { n: 21, resp: r_resp_tx };",
        ],
    )
    assert 'println!("{}", r_resp_rx.recv().await.unwrap_or_default());' in lines


def test_a_struct_literal_channel_of_a_reassigned_local_stays_todo() -> None:
    result = _draft("""package main

type request struct {
	resp chan int
}

func main() {
	r := request{resp: make(chan int)}
	r = request{}
	_ = r
}
""")
    assert "make of a channel outside" in result.rust


# --------------------------------- func parameters a goroutine runs (idioms/concurrency.py)


def test_a_func_parameter_a_goroutine_calls_is_static_and_moves_into_the_task() -> None:
    rust = _draft("""package p

import "time"

func Delayed(d time.Duration, fn func()) {
	go func() {
		time.Sleep(d)
		fn()
	}()
}

func Now(fn func()) {
	fn()
}
""").rust
    assert "r#fn: impl Fn() + Send + Sync + 'static)" in rust
    assert "pub fn now(r#fn: impl Fn())" in rust  # no task: the closure may borrow
    assert "tokio::spawn(async move {" in rust
    assert "todo!(" not in rust


# ------------------------------------------ close of a Sender parameter (channels.close)


def test_closing_a_sender_parameter_drops_it_only_where_nothing_can_use_it_after() -> None:
    rust = _draft("""package p

func Last(out chan<- int) {
	out <- 1
	close(out)
}

func Early(out chan<- int, again bool) {
	close(out)
	if again {
		out <- 2
	}
}
""").rust
    assert "drop(out);" in rust.split("fn early")[0]
    assert 'todo!("go: close(out)")' in rust.split("fn early")[1]


# ----------------------- a value tasks share through its locking methods (locks.arc_locals)

_COUNTER = """package main

import (
	"fmt"
	"sync"
)

type Counter struct {
	mu sync.Mutex
	n  int
}

func (c *Counter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
}

func (c *Counter) Get() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func main() {
	c := Counter{}
	var wg sync.WaitGroup
	inc := func() {
		c.Inc()
		wg.Done()
	}
	wg.Add(2)
	go inc()
	go inc()
	wg.Wait()
	fmt.Println(%s)
}
"""


def test_a_locking_value_tasks_and_their_spawner_use_is_shared_as_an_arc() -> None:
    lines = _lines(_draft(_COUNTER % "c.Get()").rust)
    assert "let c = Arc::new(Counter { n: Mutex::new(0) });" in lines
    assert _follows(lines, ["let inc = {", "let c = c.clone();", "move || {"])
    assert _follows(lines, ["{", "let inc = inc.clone();", "wg.spawn(async move { inc(); });"])


def test_a_locking_value_the_spawner_passes_on_is_not_shared_as_an_arc() -> None:
    rust = _draft(_COUNTER % "&c").rust  # a pointer out of the function: not a method call
    assert "Arc::new(Counter" not in rust


def test_a_shared_value_is_returned_out_of_its_arc_only_after_the_wait() -> None:
    joined = _draft(_COUNTER.replace("\tfmt.Println(%s)\n", "") + _RETURNED % "wg.Wait()").rust
    assert 'Arc::into_inner(c).expect("every task sharing it has ended")' in joined
    unjoined = _draft(_COUNTER.replace("\tfmt.Println(%s)\n", "") + _RETURNED % "").rust
    assert "into_inner" not in unjoined  # tasks may still hold it: no Arc, the go stays todo
    assert 'todo!("go: go func() {{")' in unjoined


_RETURNED = """
func make3() *Counter {
	c := &Counter{}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Inc()
		}()
	}
	%s
	return c
}
"""


# ------------------------- `q.mu.Lock(); ..; q.mu.Unlock()` sections in a method (locks.py)

_SECTIONS = """package p

import "sync"

type Box struct {
	mu sync.Mutex
	n  int
}

func (b *Box) Get(reset bool) int {
	b.mu.Lock()
	%s
	b.mu.Unlock()
	return n
}
"""


def test_a_lock_section_is_a_block_whose_value_is_what_it_read() -> None:
    lines = _lines(_draft(_SECTIONS % "n := b.n").rust)
    assert _follows(lines, ["let n = {", "let guard = self.n.lock().unwrap();", "*guard", "};"])


def test_a_lock_section_that_returns_stays_todo() -> None:
    rust = _draft(_SECTIONS % "n := b.n\n\tif reset {\n\t\treturn 0\n\t}").rust
    assert "a lock section that leaves early" in rust
    assert "lock().unwrap()" not in rust


# ------------------------ a method's goroutine that locks its receiver (goroutines.py)

_GROUP = """package p

import "sync"

type Group struct {
	wg    sync.WaitGroup
	mu    sync.Mutex
	count int

	name string
}

func (g *Group) Go(task func() bool) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if task() {
			g.mu.Lock()
			g.count++
			g.mu.Unlock()
		}%s
	}()
}
"""


def test_a_method_goroutine_takes_a_handle_on_the_receivers_lock() -> None:
    lines = _lines(_draft(_GROUP % "").rust)
    assert "pub async fn go(&mut self, task: impl Fn() -> bool + Send + Sync + 'static) {" in lines
    assert _follows(lines, ["let count = self.count.clone();", "self.wg.spawn(async move {"])
    assert "let mut guard = count.lock().await;" in lines


def test_a_method_goroutine_using_other_receiver_fields_stays_todo() -> None:
    rust = _draft(_GROUP % "\n\t\tprintln(g.name)").rust
    assert "a goroutine using borrowed g" in rust


def test_the_time_a_ticker_sent_is_the_ticks_clock_time() -> None:
    rust = _draft("""package p

import (
	"context"
	"time"
)

func Watch(ctx context.Context, out chan<- time.Time) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			out <- now
		}
	}
}
""").rust
    lines = _lines(rust)
    assert "tick = t.tick() => {" in lines
    assert "let now = SystemTime::now() - tick.elapsed(); // the tick's clock time" in lines
    assert 'out.send(now).await.expect("receiver dropped");' in lines


def test_a_lock_with_deferred_unlock_after_other_statements_guards_to_the_end() -> None:
    rust = _draft("""package p

import "sync"

type Box struct {
	mu sync.Mutex
	n  int
}

func (b *Box) Bump(by int) int {
	by *= 2
	b.mu.Lock()
	defer b.mu.Unlock()
	b.n += by
	return b.n
}
""").rust
    lines = _lines(rust)
    assert _follows(lines, ["by *= 2;", "let mut guard = self.n.lock().unwrap();", "*guard += by;"])
    assert lines[lines.index("*guard += by;") + 1] == "*guard"  # the tail, no `return`


def test_a_guard_is_renamed_when_a_local_takes_the_fields_name() -> None:
    head = _SECTIONS.split("func (b *Box)")[0]
    rust = _draft(
        head
        + "func (b *Box) Get() int {\n\tb.mu.Lock()\n\tdefer b.mu.Unlock()\n"
        + "\tn := b.n\n\treturn n + 1\n}\n"
    ).rust
    lines = _lines(rust)
    assert _follows(lines, ["let n_guard = self.n.lock().unwrap();", "let n = n_guard;"])
