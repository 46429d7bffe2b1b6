package s
import ("testing";"os";"context";"fmt";"strings";"github.com/hesabat/hesabat";"github.com/hesabat/hesabat/extract/docx")
func TestS(t *testing.T){
 f := os.Getenv("F")
 b,_:=os.ReadFile(f); fh,_:=os.Open(f)
 doc,err:=docx.New(docx.Options{}).Extract(context.Background(),hesabat.Source{Path:f},fh,int64(len(b)))
 if err!=nil{t.Fatal(err)}
 fmt.Println("pages", doc.Pages, doc.Warnings)
 for _,r:=range doc.Rows{ fmt.Printf("%d %v %v:", r.Page,r.InTable,r.Header); for _,c:=range r.Cells{s:=strings.Join(c.Paras," ¶ "); if len(s)>50{s=s[:50]}; fmt.Printf(" [%s]*%d",s,c.Span)}; fmt.Println()}
}
