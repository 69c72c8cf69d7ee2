package scheduler

import "time"

// Task is a scheduled job.
type Task struct {
	Name     string
	Every    time.Duration
	Timeout  time.Duration
	LastRun  time.Time
	NextRun  time.Time
	Deadline *time.Time
}

// Due reports whether the task should run at now.
func (t Task) Due(now time.Time) bool {
	return !now.Before(t.NextRun)
}

// MarkRun records a run and schedules the next one.
func (t *Task) MarkRun(at time.Time) {
	t.LastRun = at
	t.NextRun = at.Add(t.Every)
}

// Elapsed returns how long ago the task last ran.
func (t Task) Elapsed(now time.Time) time.Duration {
	return now.Sub(t.LastRun)
}

// DefaultTimeout is used when Timeout is zero.
const DefaultTimeout = 30 * time.Second
