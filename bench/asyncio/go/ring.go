// ring.go — the Go peer of ../ring.py: 1,000 goroutines in a ring of
// channels pass a token HOPS times, decrementing it; the one that receives
// 0 sends -1 round the ring to stop the others. Each goroutine records how
// many hops it forwarded; a WaitGroup joins them. The channels hold one
// value, so the last stop signal, sent to a goroutine that has already
// ended, does not block.
//
//	go build ring.go && ./ring [HOPS]    (default 1000000)
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
)

const tasks = 1000

func main() {
	hops := 1000000
	if len(os.Args) > 1 {
		hops, _ = strconv.Atoi(os.Args[1])
	}
	chans := make([]chan int, tasks)
	for i := range chans {
		chans[i] = make(chan int, 1)
	}
	forwarded := make([]int, tasks)
	stoppedAt := -1
	var wg sync.WaitGroup
	wg.Add(tasks)
	for i := 0; i < tasks; i++ {
		go func(i int, inbox <-chan int, outbox chan<- int) {
			defer wg.Done()
			count := 0
			for {
				token := <-inbox
				if token <= 0 {
					if token == 0 {
						stoppedAt = i
					}
					outbox <- -1
					forwarded[i] = count
					return
				}
				count++
				outbox <- token - 1
			}
		}(i, chans[i], chans[(i+1)%tasks])
	}
	chans[0] <- hops
	wg.Wait()
	checksum := 0
	for i, f := range forwarded {
		checksum = (checksum*1000003 + f*(i+1)) % 1000000007
	}
	fmt.Println("ring", tasks, hops, stoppedAt, checksum)
}
