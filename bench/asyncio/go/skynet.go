// skynet.go — the Go peer of ../skynet.py: a tree of goroutines with
// fan-out 10 and LEAVES leaves; each inner node starts its ten children
// and sums what they send on its channel.
//
//	go build skynet.go && ./skynet [LEAVES]    (default 1000000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

func skynet(out chan<- int, num, size, div int) {
	if size == 1 {
		out <- num
		return
	}
	sub := size / div
	results := make(chan int, div)
	for i := 0; i < div; i++ {
		go skynet(results, num+i*sub, sub, div)
	}
	sum := 0
	for i := 0; i < div; i++ {
		sum += <-results
	}
	out <- sum
}

func main() {
	leaves := 1000000
	if len(os.Args) > 1 {
		leaves, _ = strconv.Atoi(os.Args[1])
	}
	root := make(chan int, 1)
	go skynet(root, 0, leaves, 10)
	fmt.Println("skynet", leaves, <-root)
}
