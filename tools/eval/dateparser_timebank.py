#!/usr/bin/python3
"""Runs the dateparser library (Debian python3-dateparser) on every gold time expression of TimeBank+AQUAINT.

Usage: dateparser_timebank.py DIR [DIR ...]
For each TIMEX3 (except the creation time) it parses the expression's own words with the document creation
time as RELATIVE_BASE and prints one tab-separated line: file, tid, gold value, dateparser value (empty when
dateparser returns nothing). The value is written at the granularity dateparser reports (day, month, year,
week, time), so it compares with TIMEX3 values. Scoring is done by `crosscheck eval time`.
"""
import glob, html, os, re, sys, datetime

try:
    from dateparser.date import DateDataParser
except ImportError:
    sys.exit("dateparser_timebank.py: python3-dateparser is not installed (apt-get install -y python3-dateparser)")

TIMEX = re.compile(r'<TIMEX3([^>]*)>(.*?)</TIMEX3>', re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')

def value_of(data):
    d, period = data.date_obj, data.period
    if d is None:
        return ""
    if period == "year":
        return "%04d" % d.year
    if period == "month":
        return "%04d-%02d" % (d.year, d.month)
    if period == "week":
        y, w, _ = d.isocalendar()
        return "%04d-W%02d" % (y, w)
    if period == "time" and (d.hour or d.minute):
        return d.strftime("%Y-%m-%dT%H:%M")
    return d.strftime("%Y-%m-%d")

def main(dirs):
    files = sorted(f for d in dirs for f in glob.glob(os.path.join(d, "*.tml")))
    if not files:
        sys.exit("dateparser_timebank.py: no .tml files in " + " ".join(dirs))
    for path in files:
        xml = open(path, encoding="utf-8").read()
        dct_m = re.search(r'<DCT>\s*<TIMEX3[^>]*value="(\d{4})-(\d\d)-(\d\d)', xml)
        if not dct_m:
            continue
        base = datetime.datetime(int(dct_m.group(1)), int(dct_m.group(2)), int(dct_m.group(3)), 12, 0)
        parser = DateDataParser(languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                                             "RETURN_TIME_AS_PERIOD": True})
        body = xml[xml.find("<TEXT>"):]
        for m in TIMEX.finditer(body):
            attrs = dict(ATTR.findall(m.group(1)))
            words = html.unescape(re.sub(r'<[^>]+>', '', m.group(2)))
            try:
                value = value_of(parser.get_date_data(words))
            except Exception:
                value = ""
            print("\t".join([os.path.basename(path)[:-4], attrs.get("tid", ""), attrs.get("value", ""), value, words.replace("\t", " ").replace("\n", " ")]))

if __name__ == "__main__":
    main(sys.argv[1:] or ["."])
