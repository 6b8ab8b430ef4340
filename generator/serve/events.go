package serve

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"time"
)

// event is one message to the open pages: "reload", "css" or "error".
type event struct {
	name     string
	problems []Problem // for "error"
}

// client is one open event stream.
type client struct {
	// msgs carries formatted messages; the publisher closes it to drop a
	// client that fell behind.
	msgs chan []byte
}

// backlog is how many messages a slow client may have waiting before it is
// dropped (it reconnects and catches up).
const backlog = 16

// publish records the outcome of a build and sends ev to every open page.
func (s *Server) publish(ev event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ev.name == "error" {
		s.problems = ev.problems
	} else {
		s.problems = nil
		s.gen++
	}
	msg := s.message(ev)
	for c := range s.clients {
		select {
		case c.msgs <- msg:
		default:
			delete(s.clients, c)
			close(c.msgs)
		}
	}
}

// buildID names the last good build.
func (s *Server) buildID() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.idLocked()
}

func (s *Server) idLocked() string { return s.epoch + "-" + strconv.Itoa(s.gen) }

// message formats ev as a Server-Sent Event; s.mu is held.
func (s *Server) message(ev event) []byte {
	var data any
	if ev.name == "error" {
		data = struct {
			Problems []Problem `json:"problems"`
		}{ev.problems}
	} else {
		data = struct {
			Build string `json:"build"`
		}{s.idLocked()}
	}
	b, _ := json.Marshal(data) // never fails: strings and ints; no raw newlines
	return []byte("event: " + ev.name + "\ndata: " + string(b) + "\n\n")
}

// serveEvents streams events to one page until it goes away or the server
// stops. The query parameter "build" names the build the page came from.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	c := &client{msgs: make(chan []byte, backlog)}
	var first []byte
	s.mu.Lock()
	s.clients[c] = true
	switch page := r.URL.Query().Get("build"); {
	case len(s.problems) > 0:
		first = s.message(event{name: "error", problems: s.problems})
	case page != "" && page != s.idLocked():
		first = s.message(event{name: "reload"})
	}
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, c)
		s.mu.Unlock()
	}()

	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	io.WriteString(w, ": reportsite live reload\n\n")
	w.Write(first)
	if rc.Flush() != nil {
		return
	}
	// A comment now and then keeps proxies and phones from closing an idle
	// stream.
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		var msg []byte
		select {
		case m, ok := <-c.msgs:
			if !ok {
				return
			}
			msg = m
		case <-ping.C:
			msg = []byte(": ping\n\n")
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		}
		if _, err := w.Write(msg); err != nil || rc.Flush() != nil {
			return
		}
	}
}
