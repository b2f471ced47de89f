// spawn_many.go — the Go peer of ../spawn_many.py: TASKS short goroutines
// joined by a WaitGroup (Go's counterpart of a TaskGroup), each storing
// its result in its own slot.
//
//	go build spawn_many.go && ./spawn_many [TASKS]    (default 200000)
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

func work(i int) int {
	return (i*i + 7*i) % 1009
}

func main() {
	n := 200000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	results := make([]int, n)
	var wg sync.WaitGroup
	wg.Add(n)
	for i := 0; i < n; i++ {
		go func(i int) {
			defer wg.Done()
			results[i] = work(i)
		}(i)
	}
	wg.Wait()
	total := 0
	for _, r := range results {
		total += r
	}
	fmt.Println("spawn-many", n, total)
}
