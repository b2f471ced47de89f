// ping_pong.go — the Go peer of ../ping_pong.py: two goroutines exchange
// MESSAGES messages over two unbuffered channels (main is the pinger).
//
//	go build ping_pong.go && ./ping_pong [MESSAGES]    (default 500000)
package main

import (
	"fmt"
	"os"
	"strconv"
)

func ponger(inbox <-chan int, outbox chan<- int, done chan<- struct{}) {
	for n := range inbox {
		outbox <- n*3 + 1
	}
	close(done)
}

func main() {
	messages := 500000
	if len(os.Args) > 1 {
		messages, _ = strconv.Atoi(os.Args[1])
	}
	pings, pongs := make(chan int), make(chan int)
	done := make(chan struct{})
	go ponger(pings, pongs, done)
	checksum := 0
	for i := 0; i < messages/2; i++ {
		pings <- i
		reply := <-pongs
		checksum = (checksum*31 + reply) % 1000000007
	}
	close(pings)
	<-done
	fmt.Println("ping-pong", messages, checksum)
}
