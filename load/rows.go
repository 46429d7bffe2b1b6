package load

import "database/sql"

// forEach returns a function that calls scan for each row of a query's
// result (rows and err as QueryContext returns them), closes the rows and
// returns the first error:
//
//	err := forEach(tx.QueryContext(ctx, q, args...))(func(rows *sql.Rows) error { … })
func forEach(rows *sql.Rows, err error) func(scan func(*sql.Rows) error) error {
	return func(scan func(*sql.Rows) error) error {
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := scan(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
}

// column returns the values of a one-column query result (rows and err as
// QueryContext returns them).
func column[T any](rows *sql.Rows, err error) ([]T, error) {
	var values []T
	err = forEach(rows, err)(func(rows *sql.Rows) error {
		var v T
		if err := rows.Scan(&v); err != nil {
			return err
		}
		values = append(values, v)
		return nil
	})
	return values, err
}
