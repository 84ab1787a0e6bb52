using System.Globalization;
using System.Net;
using System.Text;

namespace Vixens.Lint.Reporting.Maturity;

/// <summary>
/// One self-contained HTML page: inline CSS and JavaScript, an inline SVG chart of the tier distribution and a sortable
/// table; no external assets, so it can be archived as a CI artifact and opened offline.
/// </summary>
public static class MaturityHtmlRenderer
{
    private const string Style = """
        body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1f2328}
        h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
        table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}
        th{cursor:pointer;background:#f6f8fa;user-select:none}th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}
        .tier{display:inline-block;border-radius:1rem;padding:0 .6rem;color:#fff;font-weight:600;white-space:nowrap}
        code{font-size:12px;background:#f6f8fa;padding:0 .2rem;border-radius:3px}details{margin:.3rem 0}
        .muted{color:#656d76}input{padding:.3rem .5rem;width:20rem;margin:.5rem 0}
        """;

    private const string Script = """
        document.querySelectorAll('table.sortable').forEach(function(table){
          table.querySelectorAll('th').forEach(function(th, index){
            th.addEventListener('click', function(){
              var asc = !th.classList.contains('sorted-asc');
              table.querySelectorAll('th').forEach(function(h){h.classList.remove('sorted-asc','sorted-desc');});
              th.classList.add(asc ? 'sorted-asc' : 'sorted-desc');
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function(a, b){
                var x = a.cells[index].getAttribute('data-sort') || a.cells[index].textContent;
                var y = b.cells[index].getAttribute('data-sort') || b.cells[index].textContent;
                var nx = parseFloat(x), ny = parseFloat(y);
                var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
                return asc ? c : -c;
              });
              rows.forEach(function(r){body.appendChild(r);});
            });
          });
        });
        var filter = document.getElementById('filter');
        if (filter) filter.addEventListener('input', function(){
          var q = filter.value.toLowerCase();
          document.querySelectorAll('#apps tbody tr').forEach(function(r){ r.style.display = r.textContent.toLowerCase().indexOf(q) >= 0 ? '' : 'none'; });
        });
        """;

    public static void Write(MaturityReport report, TextWriter writer) => writer.Write(Render(report));

    public static string Render(MaturityReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>Vixens maturity report</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>Vixens maturity report</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"muted\">{report.Applications.Count} application(s) rated, {report.NotAssessed.Count} not assessed, {report.CheckCount} static checks. A tier is reached when every applicable check of it and of all lower tiers passes; a bypass annotation counts as a pass. Orichalcum needs runtime data and is not computed.</p>\n");
        html.Append("<h2>Distribution</h2>\n").Append(Chart(report));
        html.Append("<h2>Applications</h2>\n<input id=\"filter\" type=\"search\" placeholder=\"Filter applications…\" aria-label=\"Filter\">\n");
        html.Append("<table id=\"apps\" class=\"sortable\">\n<thead><tr><th>Application</th><th>Environment</th><th>Tier</th><th>Next tier</th><th>Blocking</th><th>Resources</th></tr></thead>\n<tbody>\n");
        foreach (var app in report.Applications)
        {
            html.Append("<tr><td>").Append(E(app.Application)).Append("</td><td>").Append(E(TierText.EnvironmentCell(app))).Append("</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td data-sort=\"{(int?)app.Tier ?? 0}\">{Badge(app.Tier)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td data-sort=\"{(int?)app.NextTier ?? 99}\">{(app.NextTier is null ? "—" : Badge(app.NextTier))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td data-sort=\"{app.Blocking.Count}\">");
            if (app.Blocking.Count > 0)
            {
                html.Append(CultureInfo.InvariantCulture, $"<details><summary>{app.Blocking.Count} finding(s): {E(string.Join(", ", app.Blocking.Select(b => b.RuleId).Distinct()))}</summary><ul>");
                foreach (var finding in app.Blocking)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li><code>{E(finding.File)}:{finding.Line}</code> <b>{E(finding.RuleId)}</b> {E(finding.Message)}</li>");
                }

                html.Append("</ul></details>");
            }

            html.Append(CultureInfo.InvariantCulture, $"</td><td>{app.ResourceCount}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n").Append(NotAssessedSection(report)).Append("<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string NotAssessedSection(MaturityReport report)
    {
        if (report.NotAssessed.Count == 0)
        {
            return string.Empty;
        }

        var section = new StringBuilder();
        section.Append("<h2>Not assessed</h2>\n<p class=\"muted\">ArgoCD Applications that render no workload offline: every check would pass vacuously, so they get no tier.</p>\n");
        section.Append("<table id=\"not-assessed\" class=\"sortable\">\n<thead><tr><th>Application</th><th>Environment</th><th>Why</th></tr></thead>\n<tbody>\n");
        foreach (var app in report.NotAssessed)
        {
            section.Append("<tr><td>").Append(E(app.Application)).Append("</td><td>").Append(E(app.Environment)).Append("</td><td>").Append(E(app.Reason)).Append("</td></tr>\n");
        }

        return section.Append("</tbody>\n</table>\n").ToString();
    }

    private static string Chart(MaturityReport report)
    {
        var rows = report.Distribution.ToList();
        var max = Math.Max(1, rows.Max(r => r.Count));
        const int barHeight = 22, gap = 6, labelWidth = 120, chartWidth = 420;
        var height = rows.Count * (barHeight + gap);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + chartWidth + 60}\" height=\"{height}\" role=\"img\" aria-label=\"Applications per tier\">\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (tier, count) = rows[i];
            var y = i * (barHeight + gap);
            var width = count == 0 ? 0 : Math.Max(2, (int)Math.Round((double)chartWidth * count / max));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 16}\" font-size=\"13\">{E(TierText.Label(tier))}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{barHeight}\" rx=\"3\" fill=\"{TierText.Color(tier)}\"><title>{E(TierText.Name(tier))}: {count}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + width + 6}\" y=\"{y + 16}\" font-size=\"13\">{count}</text>\n");
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static string Badge(Diagnostics.MaturityTier? tier) =>
        $"<span class=\"tier\" style=\"background:{TierText.Color(tier)}\">{E(TierText.Label(tier))}</span>";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
