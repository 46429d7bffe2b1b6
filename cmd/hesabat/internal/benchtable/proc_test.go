//go:build linux || darwin

package main

import (
	"testing"
	"time"
)

func TestMedian(t *testing.T) {
	s := time.Second
	cases := []struct {
		name string
		in   []cost
		want cost
	}{
		{"none", nil, cost{}},
		{"one", []cost{{3 * s, 5 * s, 7}}, cost{3 * s, 5 * s, 7}},
		// wall and CPU each on their own: the run of median wall time
		// need not have the median CPU time.
		{"odd", []cost{{9 * s, 1 * s, 10}, {1 * s, 2 * s, 30}, {5 * s, 9 * s, 20}}, cost{5 * s, 2 * s, 30}},
		{"even: the upper", []cost{{4 * s, 4 * s, 1}, {1 * s, 1 * s, 1}, {3 * s, 3 * s, 1}, {2 * s, 2 * s, 1}}, cost{3 * s, 3 * s, 1}},
	}
	for _, c := range cases {
		if got := median(c.in); got != c.want {
			t.Errorf("%s: median = %+v, want %+v", c.name, got, c.want)
		}
	}
}
