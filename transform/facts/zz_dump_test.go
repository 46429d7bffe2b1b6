package facts

import (
	"fmt"
	"testing"
)

func TestZZDump(t *testing.T) {
	for _, s := range []string{
		"Azərbaycan Respublikası Prezidentinin 2019-cu il 29 noyabr tarixli 1765 nömrəli Sərəncamı ilə təsdiq edilmiş Dövlət Proqramının 3.2-ci bəndinin icrası təmin edilib.",
		"2023-cü ilin yanvar-iyun aylarında ölkədə 62,4 milyard manatlıq ümumi daxili məhsul istehsal olunub ki, bu da əvvəlki ilin müvafiq dövrü ilə müqayisədə 0,8 faiz azdır.",
		"Cari ilin 9 ayında respublikaya 2 milyon 150 min nəfər turist gəlib.",
		"Nazirlik tərəfindən 2022-ci il ərzində 1 356 yoxlama aparılmış, 245 halda pozuntu aşkar edilmişdir.",
		"Tədbirdə 20-dən artıq ölkədən 300-ə yaxın nümayəndə iştirak edib.",
		"Əhalinin 65,3%-i şəhərlərdə yaşayır.",
		"Hər il 1 iyun – Uşaqların Beynəlxalq Müdafiəsi Günü qeyd olunur.",
		"Layihənin dəyəri 12,5 mln. AZN təşkil edir.",
		"Saytın ünvanı: www.stat.gov.az; e-poçt: info@stat.gov.az",
		"Sənəd 3 nüsxədə tərtib edilir və 10 iş günü ərzində təqdim olunur.",
		"Mərkəzdə 1-dən 5-ə qədər sinif şagirdləri üçün dərnəklər var.",
		"ASAN xidmət mərkəzləri həftənin 7 günü, saat 09:00-dan 20:00-dək işləyir.",
		"Ötən il 14 milyon 300 min ton yük daşınıb.",
		"Sərəncamın 2-ci və 3-cü hissələri, 5.1 və 5.2-ci yarımbəndləri dəyişdirilib.",
		"Qeydiyyat 2023-cü il 1 fevral – 15 mart tarixlərində aparılacaq.",
		"Bu məqsədlə 100 milyon manat, o cümlədən 20 milyon manat xarici investisiya cəlb olunub.",
		"Yaşı 18-dən yuxarı olan vətəndaşlar",
		"Qırx beş nəfər mükafatlandırılıb, on iki nəfərə fəxri fərman verilib.",
	} {
		fmt.Println(s)
		for _, f := range Extract(s) {
			fmt.Println("   ", render(f))
		}
	}
}
