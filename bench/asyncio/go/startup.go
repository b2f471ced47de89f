// startup.go — the Go peer of ../startup.py: print one line and exit.
//
//	go build startup.go && ./startup
package main

import "fmt"

func main() {
	fmt.Println("startup")
}
