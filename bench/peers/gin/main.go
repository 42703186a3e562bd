// Gin benchmark peer: the endpoints of shared/BENCH-CONTRACT.md plus /hello and /json.
//
// Built in GOPATH mode against Debian's packaged Gin (see ../install.sh), so there is no go.mod.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
)

type matmulResult struct {
	N         int     `json:"n"`
	Seed      uint32  `json:"seed"`
	Checksum  float64 `json:"checksum"`
	ComputeMs float64 `json:"computeMs"`
}

// queryUint reads an integer query parameter made of ASCII digits only, within [min, max].
// A missing parameter yields def when hasDef is set. ok is false after a 400 has been written.
func queryUint(c *gin.Context, name string, min, max uint64, def uint64, hasDef bool) (value uint64, ok bool) {
	raw, present := c.GetQuery(name)
	if !present && hasDef {
		return def, true
	}
	// ParseUint rejects signs, spaces and fractions, and reports overflow as an error.
	value, err := strconv.ParseUint(raw, 10, 64)
	if !present || err != nil || value < min || value > max {
		c.JSON(http.StatusBadRequest, gin.H{
			"error":     fmt.Sprintf("%s must be an integer from %d to %d", name, min, max),
			"parameter": name,
		})
		return 0, false
	}
	return value, true
}

func matmul(c *gin.Context) {
	n, ok := queryUint(c, "n", 1, 5000, 0, false)
	if !ok {
		return
	}
	seed, ok := queryUint(c, "seed", 0, 1<<32-1, 1, true)
	if !ok {
		return
	}
	c.JSON(http.StatusOK, multiply(int(n), uint32(seed)))
}

// multiply fills A then B from one LCG stream, times the i-k-j loop alone, then sums C.
func multiply(n int, seed uint32) matmulResult {
	state := seed
	next := func() float64 {
		state = 1664525*state + 1013904223 // uint32 arithmetic wraps mod 2^32
		return float64(state) / 4294967296.0
	}
	a := make([]float64, n*n)
	b := make([]float64, n*n)
	c := make([]float64, n*n)
	for i := range a {
		a[i] = next()
	}
	for i := range b {
		b[i] = next()
	}

	start := time.Now()
	for i := 0; i < n; i++ {
		// Row sub-slices, as idiomatic Go writes it: the same i-k-j loop and arithmetic, but the
		// compiler drops the bounds check on ci[j] (bk[j] keeps its own, as
		// go build -gcflags=-d=ssa/check_bce shows), which makes it about twice as fast here.
		ci := c[i*n : i*n+n]
		for k := 0; k < n; k++ {
			aik := a[i*n+k]
			bk := b[k*n : k*n+n]
			for j := range ci {
				// Plain multiply and add; the Go compiler does not fuse these into FMA on amd64.
				ci[j] += aik * bk[j]
			}
		}
	}
	computeMs := float64(time.Since(start).Nanoseconds()) / 1e6

	checksum := 0.0
	for _, v := range c {
		checksum += v
	}
	return matmulResult{N: n, Seed: seed, Checksum: checksum, ComputeMs: computeMs}
}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		log.Fatal("the PORT environment variable is required")
	}

	gin.SetMode(gin.ReleaseMode)
	router := gin.New() // no Logger middleware: request logging would dominate a benchmark
	router.Use(gin.Recovery())

	router.GET("/hello", func(c *gin.Context) {
		c.String(http.StatusOK, "hi")
	})
	router.GET("/json", func(c *gin.Context) {
		c.JSON(http.StatusOK, gin.H{"message": "Hello, World!"})
	})
	router.GET("/matmul", matmul)

	if err := router.Run("127.0.0.1:" + port); err != nil {
		log.Fatal(err)
	}
}
