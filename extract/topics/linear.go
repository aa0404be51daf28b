package topics

import "math"

// fitComplement returns the weights of complement naive Bayes (Rennie et
// al. 2003, with the counts already log-damped and length-normalized in
// s.vecs): for label l, the log probability of each feature in the
// documents of the other labels, smoothed by alpha, negated and divided
// by the sum of their magnitudes. The bias is 0, as in the paper.
func fitComplement(s *trainingSet, nl int, alpha float64, keep func(int) bool) ([]float32, []float64) {
	nv := len(s.vocab)
	perLabel := make([]float64, nv*nl) // feature mass per label
	totals := make([]float64, nl)
	for d, v := range s.vecs {
		if keep != nil && !keep(d) {
			continue
		}
		l := s.y[d]
		for _, e := range v {
			perLabel[int(e.i)*nl+l] += e.x
			totals[l] += e.x
		}
	}
	all := 0.0
	for _, t := range totals {
		all += t
	}
	wf := make([]float64, nv*nl)
	norm := make([]float64, nl)
	for i := range nv {
		row := perLabel[i*nl : (i+1)*nl]
		sum := 0.0
		for _, x := range row {
			sum += x
		}
		for l := range nl {
			w := math.Log((sum - row[l] + alpha) / (all - totals[l] + alpha*float64(nv)))
			wf[i*nl+l] = w
			norm[l] += math.Abs(w)
		}
	}
	w := make([]float32, nv*nl)
	for k, x := range wf {
		if n := norm[k%nl]; n > 0 {
			w[k] = float32(-x / n)
		}
	}
	return w, make([]float64, nl)
}

// fitLogReg fits multinomial logistic regression: the weights and biases
// that minimize the mean log loss of the kept documents plus lambda/2
// times the squared norm of the weights (the biases are not penalized),
// by L-BFGS from zero. The result is rounded to float32 weights.
func fitLogReg(s *trainingSet, nl int, lambda float64, iterations int, keep func(int) bool) ([]float32, []float64) {
	nv := len(s.vocab)
	var docs []int
	for d := range s.vecs {
		if keep == nil || keep(d) {
			docs = append(docs, d)
		}
	}
	nw := nv * nl
	n := float64(len(docs))
	z := make([]float64, nl)
	objective := func(theta, grad []float64) float64 {
		clear(grad)
		w, b := theta[:nw], theta[nw:]
		gw, gb := grad[:nw], grad[nw:]
		loss := 0.0
		for _, d := range docs {
			copy(z, b)
			for _, e := range s.vecs[d] {
				row := w[int(e.i)*nl : (int(e.i)+1)*nl]
				for l, x := range row {
					z[l] += e.x * x
				}
			}
			top := math.Inf(-1)
			for _, x := range z {
				top = max(top, x)
			}
			sum := 0.0
			for l, x := range z {
				z[l] = math.Exp(x - top)
				sum += z[l]
			}
			gold := s.y[d]
			loss -= math.Log(z[gold]/sum) / n
			for l := range z {
				z[l] /= sum // the probability
				if l == gold {
					z[l]--
				}
				z[l] /= n
				gb[l] += z[l]
			}
			for _, e := range s.vecs[d] {
				row := gw[int(e.i)*nl : (int(e.i)+1)*nl]
				for l := range row {
					row[l] += e.x * z[l]
				}
			}
		}
		for k, x := range w {
			loss += lambda / 2 * x * x
			gw[k] += lambda * x
		}
		return loss
	}
	theta := make([]float64, nw+nl)
	lbfgs(objective, theta, iterations)
	w := make([]float32, nw)
	for k := range w {
		w[k] = float32(theta[k])
	}
	b := make([]float64, nl)
	for l := range b {
		// float32 too, so that a saved and loaded model scores alike.
		b[l] = float64(float32(theta[nw+l]))
	}
	return w, b
}

// lbfgs minimizes f from x in place with limited-memory BFGS (10 pairs)
// and a backtracking line search (Armijo condition), for at most maxIter
// iterations or until the objective changes by less than 1e-9 of itself.
// f returns the value at x and writes the gradient into g.
func lbfgs(f func(x, g []float64) float64, x []float64, maxIter int) {
	const (
		mem = 10
		c1  = 1e-4
		tol = 1e-9
	)
	n := len(x)
	g := make([]float64, n)
	fx := f(x, g)
	var ss, ys [][]float64
	var rhos []float64
	d := make([]float64, n)
	xn := make([]float64, n)
	gn := make([]float64, n)
	alpha := make([]float64, mem)
	for iter := 0; iter < maxIter; iter++ {
		// d = −H g by the two-loop recursion.
		for i := range d {
			d[i] = -g[i]
		}
		for k := len(ss) - 1; k >= 0; k-- {
			alpha[k] = rhos[k] * dot(ss[k], d)
			axpy(-alpha[k], ys[k], d)
		}
		if k := len(ss) - 1; k >= 0 {
			scale(dot(ss[k], ys[k])/dot(ys[k], ys[k]), d)
		}
		for k := range ss {
			beta := rhos[k] * dot(ys[k], d)
			axpy(alpha[k]-beta, ss[k], d)
		}
		slope := dot(g, d)
		if slope >= 0 { // not a descent direction: restart from the gradient
			ss, ys, rhos = ss[:0], ys[:0], rhos[:0]
			for i := range d {
				d[i] = -g[i]
			}
			slope = dot(g, d)
		}
		if slope == 0 {
			return
		}
		step := 1.0
		if len(ss) == 0 {
			step = 1 / math.Sqrt(-slope)
		}
		var fn float64
		ok := false
		for range 40 {
			for i := range xn {
				xn[i] = x[i] + step*d[i]
			}
			fn = f(xn, gn)
			if fn <= fx+c1*step*slope {
				ok = true
				break
			}
			step /= 2
		}
		if !ok {
			return
		}
		s := make([]float64, n)
		y := make([]float64, n)
		for i := range s {
			s[i] = xn[i] - x[i]
			y[i] = gn[i] - g[i]
		}
		if sy := dot(s, y); sy > 1e-12 {
			if len(ss) == mem {
				ss, ys, rhos = ss[1:], ys[1:], rhos[1:]
			}
			ss, ys, rhos = append(ss, s), append(ys, y), append(rhos, 1/sy)
		}
		copy(x, xn)
		copy(g, gn)
		done := math.Abs(fx-fn) <= tol*math.Max(1, math.Abs(fn))
		fx = fn
		if done {
			return
		}
	}
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i, x := range a {
		s += x * b[i]
	}
	return s
}

func axpy(a float64, x, y []float64) {
	for i, v := range x {
		y[i] += a * v
	}
}

func scale(a float64, x []float64) {
	for i := range x {
		x[i] *= a
	}
}
