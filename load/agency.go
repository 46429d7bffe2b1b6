package load

import (
	"bufio"
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/hesabat/hesabat/transform/aztext"
)

// builtinAgencies is the list of state bodies every database starts from
// (agencies.tsv; its header names the public source).
//
//go:embed agencies.tsv
var builtinAgencies string

// agencyKey folds an agency's name to the key by which its aliases are
// looked up, so that the ways reports write one body meet: case and
// punctuation (aztext.Key), the "Azərbaycan Respublikası(nın)" or "AR"
// prefix, the parent body of a subordinate one ("İqtisadiyyat Nazirliyi
// yanında Dövlət Vergi Xidməti" is the Dövlət Vergi Xidməti), case endings
// of the last word ("Komitəsinin" → "Komitəsi", aztext.StripCasePhrase) and ı
// typed for i (aztext.LooseKey).
//
// It is the one place where agency names are folded: the key of every
// stored alias is built by it.
func agencyKey(name string) string {
	k := aztext.Key(name)
	if i := strings.LastIndex(k, " yanında "); i >= 0 {
		k = k[i+len(" yanında "):]
	}
	for _, prefix := range []string{"azərbaycan respublikasının ", "azərbaycan respublikası ", "ar "} {
		k = strings.TrimPrefix(k, prefix)
	}
	return aztext.LooseKey(aztext.StripCasePhrase(k))
}

// AgencyEntry is one agency of a list: its canonical name and aliases.
type AgencyEntry struct {
	Name    string
	Aliases []string
}

// ParseAgencies reads a list of agencies: one a line, the canonical name
// then its aliases, separated by tabs; blank lines and lines starting with
// "#" are skipped. The error names the line.
func ParseAgencies(r io.Reader) ([]AgencyEntry, error) {
	var list []AgencyEntry
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), " \r")
		if trimmed := strings.TrimSpace(line); trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		var e AgencyEntry
		for i, f := range strings.Split(line, "\t") {
			f = strings.TrimSpace(f)
			switch {
			case f == "":
			case i == 0:
				e.Name = f
			default:
				e.Aliases = append(e.Aliases, f)
			}
		}
		if e.Name == "" || agencyKey(e.Name) == "" {
			return nil, fmt.Errorf("line %d: no agency name before the first tab", n)
		}
		list = append(list, e)
	}
	return list, sc.Err()
}

// ErrAliasTaken is returned by AddAgencies when an alias already names
// another known agency.
var ErrAliasTaken = errors.New("alias names another agency")

// AddAgencies adds the agencies of list as known agencies, with their
// aliases. An agency whose name or alias folds to the key of an agency read
// from reports only (unknown) absorbs it: its reports move to the known
// agency and are identified again. An alias that already names another
// known agency is an error (ErrAliasTaken), and nothing is added.
func (db *DB) AddAgencies(ctx context.Context, list []AgencyEntry) error {
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("add agencies: %w", err)
	}
	defer tx.Rollback()
	for _, e := range list {
		if err := db.addAgency(ctx, tx, e, true); err != nil {
			return fmt.Errorf("add agency %q: %w", e.Name, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("add agencies: %w", err)
	}
	return nil
}

// syncAgencies adds the built-in agencies and aliases the database lacks.
// It writes only when something is missing. An alias that the user gave
// to another agency stays the user's.
func (db *DB) syncAgencies(ctx context.Context) error {
	list, err := ParseAgencies(strings.NewReader(builtinAgencies))
	if err != nil {
		panic("agencies.tsv: " + err.Error()) // embedded and tested
	}
	keys, err := column[string](db.db.QueryContext(ctx, `SELECT key FROM agency_aliases`))
	if err != nil {
		return err
	}
	have := make(map[string]bool)
	for _, k := range keys {
		have[k] = true
	}
	var missing []AgencyEntry
	for _, e := range list {
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if !have[agencyKey(a)] {
				missing = append(missing, e)
				break
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, e := range missing {
		if err := db.addAgency(ctx, tx, e, false); err != nil {
			return fmt.Errorf("agency %q: %w", e.Name, err)
		}
	}
	return tx.Commit()
}

// addAgency adds one known agency with its aliases in tx (see
// AddAgencies); strict makes an alias of another known agency an error,
// else it is skipped.
func (db *DB) addAgency(ctx context.Context, tx *sql.Tx, e AgencyEntry, strict bool) error {
	id, known, err := lookupAgency(ctx, tx, e.Name)
	switch {
	case err != nil:
		return err
	case id == 0:
		res, err := tx.ExecContext(ctx, `INSERT INTO agencies (name, known) VALUES (?, 1)`, e.Name)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
	case !known:
		if _, err := tx.ExecContext(ctx, `UPDATE agencies SET name = ?, known = 1 WHERE id = ?`, e.Name, id); err != nil {
			return err
		}
	}
	merged := false
	for _, alias := range append([]string{e.Name}, e.Aliases...) {
		other, otherKnown, err := lookupAgency(ctx, tx, alias)
		switch {
		case err != nil:
			return err
		case other == id:
		case other == 0:
			if _, err := tx.ExecContext(ctx, `INSERT INTO agency_aliases (agency_id, alias, key) VALUES (?, ?, ?)`,
				id, alias, agencyKey(alias)); err != nil {
				return err
			}
		case !otherKnown:
			if err := mergeAgency(ctx, tx, other, id); err != nil {
				return err
			}
			merged = true
		case strict:
			var name string
			if err := tx.QueryRowContext(ctx, `SELECT name FROM agencies WHERE id = ?`, other).Scan(&name); err != nil {
				return err
			}
			return fmt.Errorf("%q: %w %q", alias, ErrAliasTaken, name)
		}
	}
	if merged {
		return db.reidentify(ctx, tx, `agency_id = ?`, id)
	}
	return nil
}

// mergeAgency moves the aliases and reports of agency from to agency to,
// and deletes from.
func mergeAgency(ctx context.Context, tx *sql.Tx, from, to int64) error {
	for _, q := range []string{
		`UPDATE agency_aliases SET agency_id = ? WHERE agency_id = ?`,
		`UPDATE reports SET agency_id = ? WHERE agency_id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, q, to, from); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM agencies WHERE id = ?`, from)
	return err
}

// lookupAgency returns the agency whose alias has name's key; id is 0 when
// none has.
func lookupAgency(ctx context.Context, tx *sql.Tx, name string) (id int64, known bool, err error) {
	err = tx.QueryRowContext(ctx, `SELECT a.id, a.known FROM agency_aliases AS s
		JOIN agencies AS a ON a.id = s.agency_id WHERE s.key = +?`, agencyKey(name)).Scan(&id, &known)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, known, err
}

// agencyFor returns the agency a report names, adding it as an unknown
// agency (under the name as the report writes it) when no alias matches.
func agencyFor(ctx context.Context, tx *sql.Tx, name string) (id int64, known bool, err error) {
	if id, known, err = lookupAgency(ctx, tx, name); err != nil || id != 0 {
		return id, known, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO agencies (name, known) VALUES (?, 0) ON CONFLICT (name) DO NOTHING`, name); err != nil {
		return 0, false, err
	}
	if err := tx.QueryRowContext(ctx, `SELECT id, known FROM agencies WHERE name = ?`, name).Scan(&id, &known); err != nil {
		return 0, false, err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO agency_aliases (agency_id, alias, key) VALUES (?, ?, ?)`, id, name, agencyKey(name))
	return id, known, err
}

// Agency is one agency as Agencies lists it.
type Agency struct {
	Name    string
	Known   bool     // in the built-in list or added by the user
	Aliases []string // other names it goes by, in the order added
	Reports int      // current reports
}

// Agencies lists the agencies, those with current reports first (most
// reports first), then by name.
func (db *DB) Agencies(ctx context.Context) ([]Agency, error) {
	var list []Agency
	index := make(map[int64]int)
	err := forEach(db.db.QueryContext(ctx, `SELECT a.id, a.name, a.known,
		(SELECT count(*) FROM reports AS r WHERE r.agency_id = a.id AND r.status = 'current') AS n
		FROM agencies AS a ORDER BY n DESC, a.name`))(
		func(rows *sql.Rows) error {
			var a Agency
			var id int64
			if err := rows.Scan(&id, &a.Name, &a.Known, &a.Reports); err != nil {
				return err
			}
			index[id] = len(list)
			list = append(list, a)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("agencies: %w", err)
	}
	err = forEach(db.db.QueryContext(ctx, `SELECT agency_id, alias FROM agency_aliases ORDER BY id`))(
		func(rows *sql.Rows) error {
			var id int64
			var alias string
			if err := rows.Scan(&id, &alias); err != nil {
				return err
			}
			if i, ok := index[id]; ok && alias != list[i].Name {
				list[i].Aliases = append(list[i].Aliases, alias)
			}
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("agencies: %w", err)
	}
	return list, nil
}
