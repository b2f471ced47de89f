// parallel_cpu.go — the Go peer of ../parallel_cpu.py: the primes below
// LIMIT by trial division, in 4 chunks per CPU, one goroutine each, joined
// by a WaitGroup; counts and sums are combined.
//
//	go build parallel_cpu.go && ./parallel_cpu [LIMIT]    (default 1500000)
package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
)

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	if n%2 == 0 {
		return n == 2
	}
	for d := 3; d*d <= n; d += 2 {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func countPrimes(lo, hi int) (count, total int) {
	for n := lo; n < hi; n++ {
		if isPrime(n) {
			count++
			total += n
		}
	}
	return
}

func main() {
	limit := 1500000
	if len(os.Args) > 1 {
		limit, _ = strconv.Atoi(os.Args[1])
	}
	chunks := 4 * runtime.NumCPU()
	counts := make([]int, chunks)
	totals := make([]int, chunks)
	var wg sync.WaitGroup
	wg.Add(chunks)
	for k := 0; k < chunks; k++ {
		go func(k int) {
			defer wg.Done()
			counts[k], totals[k] = countPrimes(limit*k/chunks, limit*(k+1)/chunks)
		}(k)
	}
	wg.Wait()
	count, total := 0, 0
	for k := 0; k < chunks; k++ {
		count += counts[k]
		total += totals[k]
	}
	fmt.Println("parallel-cpu", limit, count, total)
}
