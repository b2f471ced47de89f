// fork_join.go — the Go peer of ../fork_join.py: TASKS goroutines, each
// with a one-slot result channel (its future), started first and then
// received in order. Task i sums the Collatz stopping times of
// i*20+1 ... i*20+20 and finds the longest.
//
//	go build fork_join.go && ./fork_join [TASKS]    (default 10000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

const span = 20

type result struct{ total, longest int }

func collatzSteps(n int) int {
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n = n / 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	return steps
}

func chunk(i int, out chan<- result) {
	r := result{}
	for n := i*span + 1; n <= i*span+span; n++ {
		s := collatzSteps(n)
		r.total += s
		if s > r.longest {
			r.longest = s
		}
	}
	out <- r
}

func main() {
	count := 10000
	if len(os.Args) > 1 {
		count, _ = strconv.Atoi(os.Args[1])
	}
	futures := make([]chan result, count)
	for i := range futures {
		futures[i] = make(chan result, 1)
		go chunk(i, futures[i])
	}
	total, longest := 0, 0
	for _, f := range futures {
		r := <-f
		total += r.total
		if r.longest > longest {
			longest = r.longest
		}
	}
	fmt.Println("fork-join", count, total, longest)
}
