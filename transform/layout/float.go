package layout

import "math"

// fmin is math.Min, which the compiler does not inline on amd64 (it calls
// an assembly routine): the engine takes millions of them per document.
// Like math.Min it returns -Inf when either value is -Inf, even against
// NaN, where the built-in min returns NaN.
func fmin(a, b float64) float64 {
	switch {
	case a < -math.MaxFloat64: // -Inf
		return a
	case b < -math.MaxFloat64:
		return b
	}
	return min(a, b)
}

// fmax is math.Max, inlined (see fmin): +Inf when either value is +Inf,
// even against NaN.
func fmax(a, b float64) float64 {
	switch {
	case a > math.MaxFloat64: // +Inf
		return a
	case b > math.MaxFloat64:
		return b
	}
	return max(a, b)
}
