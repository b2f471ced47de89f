// rtbench.go — the Go counterparts of bench/runtime/*.c, for run.py.
//
//	go build -o rtbench_go rtbench.go
//	./rtbench_go spawn|pingpong|ring|skynet|parked|gcpause [N]
//
// Each prints "RESULT <name> <value> <unit>" lines with the same names as
// the C drivers. Each measures best of three after a warm-up, as they do.
// Goroutines stand for actors and channels for mailboxes.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

func result(name string, v float64, unit string) {
	fmt.Printf("RESULT %s %.3f %s\n", name, v, unit)
}

func best3(f func() float64) float64 {
	b := f()
	for i := 0; i < 2; i++ {
		if v := f(); v < b {
			b = v
		}
	}
	return b
}

// spawn_exit: n goroutines that end at once; wait for all (WaitGroup).
func spawnExit(n int) float64 {
	var wg sync.WaitGroup
	wg.Add(n)
	t0 := time.Now()
	for i := 0; i < n; i++ {
		go func() { wg.Done() }()
	}
	wg.Wait()
	return float64(time.Since(t0).Nanoseconds()) / float64(n)
}

// spawn_wait: spawn one, wait for it to end, repeat.
func spawnWait(n int) float64 {
	c := make(chan struct{})
	t0 := time.Now()
	for i := 0; i < n; i++ {
		go func() { c <- struct{}{} }()
		<-c
	}
	return float64(time.Since(t0).Nanoseconds()) / float64(n)
}

func pingpong(n int) float64 {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			pong <- v
		}
	}()
	t0 := time.Now()
	for i := 0; i < n; i++ {
		ping <- i
		<-pong
	}
	d := float64(time.Since(t0).Nanoseconds()) / float64(n)
	close(ping)
	return d
}

const ringSize = 503

func ring(m int) float64 {
	chans := make([]chan int, ringSize)
	for i := range chans {
		chans[i] = make(chan int)
	}
	done := make(chan int)
	for i := 0; i < ringSize; i++ {
		go func(in, out chan int) {
			for t := range in {
				if t == 0 {
					done <- 0
					continue
				}
				out <- t - 1
			}
		}(chans[i], chans[(i+1)%ringSize])
	}
	lap := func(hops int) float64 {
		t0 := time.Now()
		chans[0] <- hops
		<-done
		return float64(time.Since(t0).Nanoseconds()) / float64(hops)
	}
	lap(m / 10)
	r := best3(func() float64 { return lap(m) })
	for _, c := range chans {
		close(c)
	}
	return r
}

func skynet(c chan int, num, size, div int) {
	if size == 1 {
		c <- num
		return
	}
	rc := make(chan int)
	sum := 0
	for i := 0; i < div; i++ {
		go skynet(rc, num+i*(size/div), size/div, div)
	}
	for i := 0; i < div; i++ {
		sum += <-rc
	}
	c <- sum
}

func skynetRun(leaves int) float64 {
	c := make(chan int)
	t0 := time.Now()
	go skynet(c, 0, leaves, 10)
	sum := <-c
	if sum != leaves*(leaves-1)/2 {
		fmt.Fprintln(os.Stderr, "skynet: wrong sum", sum)
		os.Exit(1)
	}
	return float64(time.Since(t0).Nanoseconds()) / 1e6
}

func rssKiB() int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	v, _ := strconv.ParseInt(f[1], 10, 64)
	return v * int64(os.Getpagesize()) / 1024
}

// parked: n goroutines blocked, each on its own channel (its "mailbox").
func parked(n int) float64 {
	chs := make([]chan int, n)
	var started, wg sync.WaitGroup
	started.Add(n)
	wg.Add(n)
	r0 := rssKiB()
	for i := 0; i < n; i++ {
		chs[i] = make(chan int)
		go func(c chan int) {
			started.Done()
			<-c
			wg.Done()
		}(chs[i])
	}
	started.Wait()
	time.Sleep(10 * time.Millisecond)
	per := float64(rssKiB()-r0) * 1024 / float64(n)
	for _, c := range chs {
		c <- 1
	}
	wg.Wait()
	return per
}

// gcpause: the workload of bench/runtime/gcpause.c — 200,000 old
// records [i, str(i)], then n short-lived 2-item slices [i, float(i)],
// one in 64 kept in a 1,000-slot ring. Go's collector is concurrent and
// not generational: its stop-the-world pauses are what is reported.
func gcpause(n int) {
	old := make([][]interface{}, 0)
	for i := 0; i < 200000; i++ {
		old = append(old, []interface{}{i, strconv.Itoa(i)})
	}
	ring := make([][]interface{}, 1000)
	runtime.GC()
	var before debug.GCStats
	debug.ReadGCStats(&before)
	t0 := time.Now()
	for i := 0; i < n; i++ {
		tmp := []interface{}{i, float64(i)}
		if i%64 == 0 {
			ring[(i/64)%1000] = tmp
		}
	}
	el := time.Since(t0)
	st := debug.GCStats{PauseQuantiles: make([]time.Duration, 101)}
	debug.ReadGCStats(&st)
	// PauseQuantiles covers the recent pauses (up to 256), enough here.
	fmt.Printf("gcpause: %d collections in %d rounds\n", st.NumGC-before.NumGC, n)
	result("gc_minor_p99", float64(st.PauseQuantiles[99].Nanoseconds())/1000, "us")
	result("gc_minor_max", float64(st.PauseQuantiles[100].Nanoseconds())/1000, "us")
	result("gc_churn", float64(el.Nanoseconds())/float64(n), "ns")
	runtime.KeepAlive(old)
	runtime.KeepAlive(ring)
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: rtbench_go spawn|pingpong|ring|skynet|parked [N]")
		os.Exit(2)
	}
	n := 0
	if len(os.Args) > 2 {
		n, _ = strconv.Atoi(os.Args[2])
	}
	or := func(d int) int {
		if n > 0 {
			return n
		}
		return d
	}
	switch os.Args[1] {
	case "spawn":
		n := or(1000000)
		spawnExit(n)
		result("spawn_exit", best3(func() float64 { return spawnExit(n) }), "ns")
		spawnWait(n / 10)
		result("spawn_wait", best3(func() float64 { return spawnWait(n / 4) }), "ns")
	case "pingpong":
		n := or(2000000)
		pingpong(n / 10)
		result("pingpong_rt", best3(func() float64 { return pingpong(n) }), "ns")
	case "ring":
		result("ring_hop", ring(or(10000000)), "ns")
	case "skynet":
		n := or(1000000)
		skynetRun(n / 10)
		result("skynet", best3(func() float64 { return skynetRun(n) }), "ms")
	case "parked":
		result("parked", parked(or(200000)), "B")
	case "gcpause":
		gcpause(or(5000000))
	default:
		fmt.Fprintln(os.Stderr, "unknown benchmark", os.Args[1])
		os.Exit(2)
	}
}
