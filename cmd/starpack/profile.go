package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// profile starts the profiles a developer asked for in the environment,
// for a whole run of the process: STARPACK_CPUPROFILE names the file of
// a CPU profile, STARPACK_MEMPROFILE that of a profile of the
// allocations (sampled, written at exit). The function it returns stops
// them. A file that cannot be made is said on stderr and the run goes on.
func profile(stderr io.Writer) (stop func()) {
	cpu, mem := os.Getenv("STARPACK_CPUPROFILE"), os.Getenv("STARPACK_MEMPROFILE")
	var stops []func()
	if cpu != "" {
		if f, err := os.Create(cpu); err != nil {
			fmt.Fprintf(stderr, "starpack: warning: STARPACK_CPUPROFILE: %v\n", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "starpack: warning: STARPACK_CPUPROFILE: %v\n", err)
			f.Close()
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if mem != "" {
		stops = append(stops, func() {
			f, err := os.Create(mem)
			if err != nil {
				fmt.Fprintf(stderr, "starpack: warning: STARPACK_MEMPROFILE: %v\n", err)
				return
			}
			defer f.Close()
			pprof.Lookup("allocs").WriteTo(f, 0)
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
