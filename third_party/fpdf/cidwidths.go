// Copyright ©2026 The go-pdf Authors. All rights reserved.
// Use of this source code is governed by a MIT-style
// license that can be found in the LICENSE file.

package fpdf

import "strconv"

// cidWidths returns the /W array of a UTF-8 font: the widths of the
// characters 1..lastRune that have one, the Latin-1 range always and the
// others when used, in runs of equal widths ("c1 c2 w") or lists
// ("c [w1 w2 ...]").
//
// It is a port of the original, itself a port of PHP code that built the
// runs as PHP arrays (untypedKeyMap: integer keys and an "interval" key),
// step for step, so that it gives the same bytes; only the arrays are
// typed (widthRun) and their operations made cheap: the original's
// auto-keyed insert searched keys 0, 1, 2, ... one linear scan at a time,
// cubic in the length of a run. (The untypedKeyMap code it follows is
// copyrighted 2019 by Arteom Korotkiy (Gmail: arteomkorotkiy).)
func cidWidths(cw []int, usedRunes map[int]int, lastRune int) []byte {
	rangeID := 0
	cidArray := make(map[int]*widthRun)
	cidArrayKeys := make([]int, 0)
	prevCid := -2
	prevWidth := -1
	interval := false
	startCid := 1
	cwLen := lastRune + 1

	// for each character
	for cid := startCid; cid < cwLen; cid++ {
		if cw[cid] == 0x00 {
			continue
		}
		width := cw[cid]
		if width == 65535 {
			width = 0
		}
		if numb, OK := usedRunes[cid]; cid > 255 && (!OK || numb == 0) {
			continue
		}

		if cid == prevCid+1 {
			if width == prevWidth {
				if width == cidArray[rangeID].get(0) {
					cidArray[rangeID].putNext(width)
				} else {
					cidArray[rangeID].pop()
					rangeID = prevCid
					cidArray[rangeID] = &widthRun{}
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].putNext(prevWidth)
					cidArray[rangeID].putNext(width)
				}
				interval = true
				cidArray[rangeID].putInterval(1)
			} else {
				if interval {
					// new range
					rangeID = cid
					cidArray[rangeID] = &widthRun{}
					cidArrayKeys = append(cidArrayKeys, rangeID)
					cidArray[rangeID].putNext(width)
				} else {
					cidArray[rangeID].putNext(width)
				}
				interval = false
			}
		} else {
			rangeID = cid
			cidArray[rangeID] = &widthRun{}
			cidArrayKeys = append(cidArrayKeys, rangeID)
			cidArray[rangeID].putNext(width)
			interval = false
		}
		prevCid = cid
		prevWidth = width
	}
	previousKey := -1
	nextKey := -1
	isInterval := false
	for g := 0; g < len(cidArrayKeys); {
		key := cidArrayKeys[g]
		ws := *cidArray[key]
		cws := len(ws.keys)
		if (key == nextKey) && (!isInterval) && (ws.index(intervalKey) < 0 || cws < 4) {
			if cidArray[key].index(intervalKey) >= 0 {
				cidArray[key].deleteInterval()
			}
			cidArray[previousKey] = mergeWidthRuns(cidArray[previousKey], cidArray[key])
			cidArrayKeys = removeKey(cidArrayKeys, key)
		} else {
			g++
			previousKey = key
		}
		nextKey = key + cws
		if ws.index(intervalKey) >= 0 {
			isInterval = cws > 3
			cidArray[key].deleteInterval()
			nextKey--
		} else {
			isInterval = false
		}
	}
	w := make([]byte, 0, 64+8*len(cidArrayKeys))
	w = append(w, "/W ["...)
	for _, k := range cidArrayKeys {
		ws := cidArray[k]
		if ws.sameValues() {
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(k), 10)
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(k+len(ws.vals)-1), 10)
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(ws.get(0)), 10)
		} else {
			w = append(w, ' ')
			w = strconv.AppendInt(w, int64(k), 10)
			w = append(w, " [ "...)
			for i, v := range ws.vals {
				if i > 0 {
					w = append(w, ' ')
				}
				w = strconv.AppendInt(w, int64(v), 10)
			}
			w = append(w, " ]\n"...)
		}
	}
	return append(w, " ]"...)
}

// intervalKey stands for the "interval" key of the PHP array; the other
// keys are integers from 0.
const intervalKey = -1

// widthRun is a PHP array of widths with integer keys and at most one
// "interval" key, kept in insertion order like the original untypedKeyMap.
type widthRun struct {
	keys []int
	vals []int
}

// index returns the position of key, or -1.
func (r *widthRun) index(key int) int {
	for i, k := range r.keys {
		if k == key {
			return i
		}
	}
	return -1
}

// get returns the value of key, or 0.
func (r *widthRun) get(key int) int {
	if i := r.index(key); i >= 0 {
		return r.vals[i]
	}
	return 0
}

// putNext appends v under the smallest integer key not in use, as the
// original's put(nil, v) did.
func (r *widthRun) putNext(v int) {
	var used [64]bool
	seen := used[:]
	if len(r.keys)+1 > len(seen) {
		seen = make([]bool, len(r.keys)+1)
	}
	for _, k := range r.keys {
		if k >= 0 && k < len(seen) {
			seen[k] = true
		}
	}
	n := 0
	for n < len(seen) && seen[n] {
		n++
	}
	r.keys = append(r.keys, n)
	r.vals = append(r.vals, v)
}

// putInterval sets the "interval" key.
func (r *widthRun) putInterval(v int) {
	if i := r.index(intervalKey); i >= 0 {
		r.vals[i] = v
		return
	}
	r.keys = append(r.keys, intervalKey)
	r.vals = append(r.vals, v)
}

// deleteInterval removes the "interval" key, in place as the original did.
func (r *widthRun) deleteInterval() {
	if r == nil || r.keys == nil || r.vals == nil {
		return
	}
	i := r.index(intervalKey)
	switch {
	case i < 0:
	case i == 0:
		r.keys = r.keys[1:]
		r.vals = r.vals[1:]
	case i == len(r.keys)-1:
		r.keys = r.keys[:len(r.keys)-1]
		r.vals = r.vals[:len(r.vals)-1]
	default:
		r.keys = append(r.keys[:i], r.keys[i+1:]...)
		r.vals = append(r.vals[:i], r.vals[i+1:]...)
	}
}

// pop removes the last entry.
func (r *widthRun) pop() {
	r.keys = r.keys[:len(r.keys)-1]
	r.vals = r.vals[:len(r.vals)-1]
}

// sameValues reports whether the run holds values that are all equal
// (the original counted them with array_count_values).
func (r *widthRun) sameValues() bool {
	if len(r.vals) == 0 {
		return false
	}
	for _, v := range r.vals[1:] {
		if v != r.vals[0] {
			return false
		}
	}
	return true
}

// mergeWidthRuns is PHP's array_merge of two runs, as the original had it.
func mergeWidthRuns(arr1, arr2 *widthRun) *widthRun {
	answer := widthRun{}
	if arr1 == nil && arr2 == nil {
		answer = widthRun{make([]int, 0), make([]int, 0)}
	} else if arr2 == nil {
		answer.keys = arr1.keys[:]
		answer.vals = arr1.vals[:]
	} else if arr1 == nil {
		answer.keys = arr2.keys[:]
		answer.vals = arr2.vals[:]
	} else {
		answer.keys = arr1.keys[:]
		answer.vals = arr1.vals[:]
		for i := 0; i < len(arr2.keys); i++ {
			if arr2.keys[i] == intervalKey {
				if arr1.index(intervalKey) < 0 {
					answer.putInterval(arr2.vals[i])
				}
			} else {
				answer.putNext(arr2.vals[i])
			}
		}
	}
	return &answer
}

// removeKey removes key from arr as the original did: the last
// occurrence, or the first element when key is absent.
func removeKey(arr []int, key int) []int {
	n := 0
	for i, mKey := range arr {
		if mKey == key {
			n = i
		}
	}
	if n == 0 {
		return arr[1:]
	} else if n == len(arr)-1 {
		return arr[:len(arr)-1]
	}
	return append(arr[:n], arr[n+1:]...)
}
