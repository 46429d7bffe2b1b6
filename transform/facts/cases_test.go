package facts

var extractCases = []struct {
	name string
	in   string
	want []string
}{
	{"dummy", "2022-ci ildə Komitənin 11 iclasında 45 məsələ müzakirə edilmişdir.", nil},
}
