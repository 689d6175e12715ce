#!/usr/bin/env python3
"""Builds story-pairs.tsv, the labelled same-story set of `text story-eval` (see docs/text-core.md, "Story grouping").

Columns: label (1 same story, 0 different), kind, document A, document B, the day A and B were published (yyyy-MM-dd,
the office's local day, as a feed would give it; see "Publication days" below). A document is either
  vtb:<split>:<i>,<j>,...[|fold][|replace=Old>New]...   sentences of UD Vietnamese-VTB (news, CC BY-SA 4.0) by their
      0-based position in the split's file, joined with spaces; 'fold' drops diacritics and case (a copy typed without
      them); 'replace' swaps a name or date everywhere. The treebank text itself is not copied here (share-alike):
      the bench reads it from --data (default /work/shared/data/segmentation).
  text:<text>   our own notices written from templates, filled with official ward and province names, or our own
      rewording of real news events (news-events.tsv, source address per event).
Deterministic (seed 2026): run again to get the same file.

Publication days (added for #18 item 5, second pass) come from a second generator (seed 18), so the rows and texts of
the first passes are unchanged: rewrites of one text (vtb-overlap, -copy, -reordered) the same day or the next;
other-place pairs the same day (hard: two places, one day); other-date pairs on the days their texts write; unrelated
pairs 0-10 days apart; template notices on the day they write, the second outlet the same day or the next; real news
events on the days in news-events.tsv (as reported where the source shows it, else assigned as its note says).
Undated notices ("undated-*", written with "sáng nay", "chiều qua" as outlets write them) test the publication day:
the same event in two wordings the same day or the next; the same notice for another ward the same day; and the same
ward 2-10 days later (a second flood or crash there), in the same or the other wording.
"""
import datetime
import json, random, re, unicodedata, pathlib

here = pathlib.Path(__file__).resolve().parent
data = pathlib.Path("/work/shared/data")
rng = random.Random(2026)

def fold(s):
    s = unicodedata.normalize("NFD", s).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in s if unicodedata.category(c) != "Mn").lower()

units = json.load(open(data / "units/vn-units-2026-07-25.json", encoding="utf-8"))
level = {}
provinces = [p["Name"] for p in units]
communes = [w["Name"] for p in units for w in p["Wards"]]
for p in units:
    level[fold(p["Name"])] = "P"
    for w in p["Wards"]:
        level.setdefault(fold(w["Name"]), "C")

splits = {}
for split in ["train", "dev"]:
    splits[split] = [l[8:].strip() for l in open(data / f"segmentation/vi_vtb-ud-{split}.conllu", encoding="utf-8") if l.startswith("# text =")]

def spec(split, idx, *ops):
    return f"vtb:{split}:" + ",".join(map(str, idx)) + "".join("|" + o for o in ops)

def window(split, i, n=4):
    return list(range(i, i + n))

rows = []
def add(label, kind, a, b, day_a="", day_b=""):
    rows.append((label, kind, a, b, str(day_a), str(day_b)))

days = random.Random(18)  # publication days only: the first generator's sequence (and every earlier row) is unchanged
def some_day():
    return datetime.date(2026, 1, 1) + datetime.timedelta(days=days.randrange(365))
def plus(day, n):
    return day + datetime.timedelta(days=n)
def written(d, m):
    """The day a text writes (2026), or the nearest real day when it writes one that does not exist (31/2)."""
    while True:
        try:
            return datetime.date(2026, m, d)
        except ValueError:
            d -= 1

# --- Same story, real text: rewrites and excerpts of one article.
for split, count in [("train", 45), ("dev", 35)]:
    sents = splits[split]
    for i in rng.sample(range(len(sents) - 6), count):
        day = some_day()
        add(1, "vtb-overlap", spec(split, window(split, i)), spec(split, window(split, i + 1)), day, plus(day, days.choice([0, 0, 1])))
for split, count in [("train", 20), ("dev", 20)]:
    sents = splits[split]
    for i in rng.sample(range(len(sents) - 6), count):
        idx = window(split, i)
        kept = [x for x in idx if x != idx[rng.randrange(1, 4)]]
        day = some_day()
        add(1, "vtb-copy-no-diacritics", spec(split, idx), spec(split, kept, "fold"), day, plus(day, days.choice([0, 0, 1])))
for split, count in [("train", 20), ("dev", 20)]:
    sents = splits[split]
    for i in rng.sample(range(len(sents) - 6), count):
        idx = window(split, i)
        day = some_day()
        add(1, "vtb-reordered", spec(split, idx), spec(split, [idx[0], idx[3], idx[2]]), day, plus(day, days.choice([0, 0, 1])))

# --- Different story, real text: the same article with its place or date changed (hard), and unrelated articles.
def name_runs(text):
    """Runs of 2-4 capitalised words (the names a gazetteer could know)."""
    words = text.split()
    for i in range(len(words)):
        for n in range(2, 5):
            run = words[i:i + n]
            if len(run) == n and all(w[0].isupper() and w.isalpha() for w in run):
                before = words[i - 1].lower() if i > 0 else ""
                yield " ".join(run), before

# A commune-level name counts as a place only after a place or location word (else it may be a person: "Thiện Nhân").
PLACE_CONTEXT = {"phường", "xã", "quận", "huyện", "tỉnh", "phố", "thị", "trấn", "xã", "đường", "tp", "ở", "tại", "về", "đến", "từ", "vùng", "khu", "cầu", "chợ", "sông"}
date_run = re.compile(r"\b(\d{1,2})([-/])(\d{1,2})\b")
for split in ["train", "dev"]:
    sents = splits[split]
    starts = list(range(0, len(sents) - 4))
    rng.shuffle(starts)
    used = set()
    for i in starts:
        idx = window(split, i)
        text = " ".join(sents[x] for x in idx)
        names = sorted({run for run, before in name_runs(text)
                        if level.get(fold(run)) == "P" or (level.get(fold(run)) == "C" and before in PLACE_CONTEXT)})
        if not names or any(x in used for x in idx):
            continue
        used.update(idx)
        swaps = []
        for name in sorted(names, key=len, reverse=True):
            pool = provinces if level[fold(name)] == "P" else communes
            other = rng.choice([p for p in pool if fold(p) != fold(name)])
            swaps.append(f"replace={name}>{other}")
        day = some_day()
        add(0, "vtb-other-place", spec(split, idx), spec(split, idx, *swaps), day, day)
    used = set()
    for i in starts:
        idx = window(split, i)
        text = " ".join(sents[x] for x in idx)
        m = date_run.search(text)
        if not m or any(x in used for x in idx) or not (1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(3)) <= 12):
            continue
        used.update(idx)
        day = (int(m.group(1)) + rng.randint(2, 9) - 1) % 28 + 1
        add(0, "vtb-other-date", spec(split, idx), spec(split, idx, f"replace={m.group(0)}>{day}{m.group(2)}{m.group(3)}"),
            written(int(m.group(1)), int(m.group(3))), written(day, int(m.group(3))))
for _ in range(40):
    split = rng.choice(["train", "dev"])
    sents = splits[split]
    i = rng.randrange(len(sents) - 4)
    j = (i + rng.randrange(40, len(sents) - 50)) % (len(sents) - 4)
    day = some_day()
    add(0, "vtb-unrelated", spec(split, window(split, i)), spec(split, window(split, j)), day, plus(day, days.randint(0, 10)))

# --- Notices written from one template: same event in two wordings, or the same wording for another place or date.
TEMPLATES = {
    "flood": (
        "Mưa lớn kéo dài từ đêm {d}/{m} khiến nhiều tuyến đường ở phường {w}, {p} ngập sâu khoảng nửa mét, {n} hộ dân phải di dời tài sản lên cao. Lực lượng chức năng đã có mặt hỗ trợ người dân.",
        "Ngập sâu ở phường {w} sau mưa lớn: từ đêm {d}/{m}, nhiều tuyến đường ở phường {w} ({p}) ngập khoảng nửa mét, {n} hộ dân phải di dời tài sản; lực lượng chức năng đã có mặt hỗ trợ.",
    ),
    "outage": (
        "Điện lực {p} thông báo tạm ngừng cung cấp điện từ 7 giờ đến 17 giờ ngày {d}/{m} tại khu vực xã {w} để bảo dưỡng, sửa chữa lưới điện.",
        "Lịch cắt điện ngày {d}/{m}: khu vực xã {w}, {p} mất điện từ 7 giờ đến 17 giờ để điện lực bảo dưỡng, sửa chữa lưới điện.",
    ),
    "accident": (
        "Khoảng 6 giờ sáng {d}/{m}, trên quốc lộ 1 đoạn qua phường {w}, {p} xảy ra vụ tai nạn giao thông giữa xe tải và xe máy khiến {k} người bị thương, giao thông ùn tắc nhiều giờ.",
        "Tai nạn giữa xe tải và xe máy trên quốc lộ 1 đoạn qua phường {w} ({p}) sáng {d}/{m} khiến {k} người bị thương; giao thông qua khu vực ùn tắc nhiều giờ.",
    ),
    "landslide": (
        "Mưa lớn ngày {d}/{m} gây sạt lở taluy dương trên tuyến đường liên xã qua xã {w}, {p}, khối lượng đất đá khoảng {n} m3 vùi lấp mặt đường, chính quyền đã cắm biển cảnh báo.",
        "Sạt lở đất đá khoảng {n} m3 vùi lấp đường liên xã qua xã {w} ({p}) ngày {d}/{m}; chính quyền xã đã cắm biển cảnh báo, khuyến cáo người dân không đi qua.",
    ),
    "weather": (
        "Dự báo thời tiết ngày {d}/{m}: {p} có mưa rào và dông rải rác, nhiệt độ thấp nhất 22 độ, cao nhất 29 độ, gió đông bắc cấp 3.",
        "Thời tiết {p} ngày {d}/{m} có mưa rào và dông rải rác; nhiệt độ từ 22 đến 29 độ, gió đông bắc cấp 3, vùng núi đề phòng lũ quét.",
    ),
    "water": (
        "Công ty cấp nước thông báo ngưng cung cấp nước sạch từ 22 giờ ngày {d}/{m} đến 4 giờ sáng hôm sau tại phường {w}, {p} để đấu nối đường ống mới.",
        "Phường {w} ({p}) sẽ bị ngưng cấp nước sạch từ 22 giờ ngày {d}/{m} đến 4 giờ sáng hôm sau do công ty cấp nước đấu nối đường ống mới.",
    ),
    "vaccination": (
        "Trạm y tế phường {w}, {p} tổ chức tiêm vắc xin sởi miễn phí cho trẻ từ 1 đến 5 tuổi vào sáng {d}/{m}, phụ huynh mang theo sổ tiêm chủng.",
        "Sáng {d}/{m}, trạm y tế phường {w} ({p}) tiêm vắc xin sởi miễn phí cho trẻ từ 1 đến 5 tuổi; phụ huynh nhớ mang theo sổ tiêm chủng.",
    ),
    "fuel-price": (
        "Từ 15 giờ ngày {d}/{m}, giá xăng RON 95 giảm {c} đồng mỗi lít, xuống còn {v} đồng mỗi lít; giá dầu diesel giữ nguyên, liên bộ Công Thương và Tài chính cho biết.",
        "Liên bộ Công Thương và Tài chính điều chỉnh giá xăng từ 15 giờ ngày {d}/{m}: xăng RON 95 giảm {c} đồng mỗi lít, còn {v} đồng mỗi lít; dầu diesel giữ nguyên.",
    ),
}

def event(province):
    wards = [w["Name"] for w in province["Wards"]]
    return {
        "w": rng.choice(wards), "p": province["Name"], "d": rng.randint(1, 28), "m": rng.randint(1, 12),
        "n": rng.randint(20, 400), "k": rng.randint(2, 6), "c": rng.choice([210, 320, 450, 560, 630, 780]),
        "v": f"{rng.randint(19, 24)}.{rng.randint(0, 9)}{rng.randint(0, 9)}0",
    }

def fill(template, e):
    return "text:" + template.format(**e)

for kind, (first, second) in TEMPLATES.items():
    for _ in range(6):
        province = rng.choice(units)
        e = event(province)
        day = written(e["d"], e["m"])
        add(1, f"template-{kind}-same-event", fill(first, e), fill(second, e), day, plus(day, days.choice([0, 1])))
        other_place = dict(e, w=rng.choice([w["Name"] for w in province["Wards"] if w["Name"] != e["w"]]))
        if kind == "weather":
            other_place["p"] = rng.choice([p for p in provinces if p != e["p"]])
        if kind == "fuel-price":
            other_place = dict(e, d=(e["d"] + 10) % 28 + 1, c=rng.choice([100, 150, 880]), v="20.990")
        add(0, f"template-{kind}-other-place", fill(first, e), fill(first, other_place), day, written(other_place["d"], other_place["m"]))
        if kind != "fuel-price":
            add(0, f"template-{kind}-other-place-reworded", fill(first, e), fill(second, other_place), day, day)
    for _ in range(4):
        e = event(rng.choice(units))
        other_day = dict(e, d=(e["d"] + rng.randint(1, 20)) % 28 + 1)
        if kind == "fuel-price":
            other_day["v"] = "21.490"
        add(0, f"template-{kind}-other-date", fill(first, e), fill(first, other_day), written(e["d"], e["m"]), written(other_day["d"], other_day["m"]))

# --- Real news events (news-events.tsv): each reported twice in our own words from a public article (the source
# column), A in one newsroom's house style shared by every event of its kind, B as another outlet would write it.
# Same story: A and B of one event. Different (hard negatives): two events of the same kind (flooding, accidents,
# landslides, fires, fuel prices) in other places or on other dates, A with A (same house style) and A with B.
import csv
events = list(csv.DictReader(open(here / "news-events.tsv", encoding="utf-8"), delimiter="\t"))
for e in events:
    add(1, f"news-{e['kind']}-same-event", "text:" + e["A"], "text:" + e["B"], e["published_a"], e["published_b"])
for i, e in enumerate(events):
    for f in events[i + 1:]:
        if e["kind"] != f["kind"]:
            continue
        add(0, f"news-{e['kind']}-other-event", "text:" + e["A"], "text:" + f["A"], e["published_a"], f["published_a"])
        add(0, f"news-{e['kind']}-other-event-reworded", "text:" + e["A"], "text:" + f["B"], e["published_a"], f["published_b"])
        add(0, f"news-{e['kind']}-other-event-reworded", "text:" + f["A"], "text:" + e["B"], f["published_a"], e["published_b"])

# --- Undated notices: what outlets write the same day ("sáng nay", "chiều qua"), so only the publication day dates them.
UNDATED = {
    "flood": (
        "Mưa lớn kéo dài từ chiều qua khiến nhiều tuyến đường ở phường {w}, {p} ngập sâu, người dân phải dắt xe qua các điểm ngập; lực lượng chức năng đang khơi thông cống thoát nước.",
        "Sáng nay nhiều khu dân cư ở phường {w} ({p}) vẫn chìm trong nước sau trận mưa lớn, {n} hộ phải kê đồ đạc lên cao; chính quyền phường cử người trực ở các điểm ngập sâu.",
    ),
    "accident": (
        "Khoảng 7 giờ sáng nay, trên đường {s} đoạn qua phường {w}, {p} xảy ra vụ va chạm giữa xe máy và ô tô con khiến {k} người bị thương, giao thông ùn tắc gần một giờ.",
        "Ô tô con tông xe máy trên đường {s} (phường {w}, {p}) sáng nay, {k} người bị thương được đưa đi cấp cứu; công an phường đang làm rõ nguyên nhân vụ va chạm.",
    ),
    "fire": (
        "Khoảng 14 giờ chiều nay, một ngôi nhà ở phường {w}, {p} bốc cháy. Lực lượng Cảnh sát PCCC và CNCH đã nhanh chóng dập tắt đám cháy, không có thiệt hại về người.",
        "Cháy nhà dân ở phường {w} ({p}) chiều nay: lửa bùng lên từ tầng trệt, hàng xóm dùng bình chữa cháy khống chế trước khi cảnh sát PCCC đến dập tắt hoàn toàn.",
    ),
    "tree": (
        "Gió mạnh trong cơn dông chiều qua làm cây xanh bật gốc, đổ chắn ngang đường {s} đoạn qua phường {w}, {p}; một xe máy bị đè hư hỏng, không có thiệt hại về người.",
        "Cây xanh bật gốc đổ chắn đường {s} (phường {w}) trong cơn dông chiều qua, đè hỏng một xe máy; công nhân cây xanh đã cưa dọn, thông đường sau hai giờ.",
    ),
}
STREETS = ["Nguyễn Văn Linh", "Lê Duẩn", "Trần Phú", "Hùng Vương", "Quang Trung", "Lý Thường Kiệt", "Điện Biên Phủ", "Hai Bà Trưng"]

def undated_event():
    province = days.choice(units)
    e = {"w": days.choice([w["Name"] for w in province["Wards"]]), "p": province["Name"], "s": days.choice(STREETS),
         "n": days.randint(20, 400), "k": days.randint(2, 6)}
    return province, e, some_day()

for kind, (first, second) in UNDATED.items():
    for _ in range(6):
        _, e, day = undated_event()
        add(1, f"undated-{kind}-same-event", fill(first, e), fill(second, e), day, plus(day, days.choice([0, 1])))
    for _ in range(4):
        province, e, day = undated_event()
        other = dict(e, w=days.choice([w["Name"] for w in province["Wards"] if w["Name"] != e["w"]]))
        add(0, f"undated-{kind}-other-place", fill(first, e), fill(first, other), day, day)
        province, e, day = undated_event()
        other = dict(e, w=days.choice([w["Name"] for w in province["Wards"] if w["Name"] != e["w"]]))
        add(0, f"undated-{kind}-other-place-reworded", fill(first, e), fill(second, other), day, day)
    for _ in range(4):
        _, e, day = undated_event()
        add(0, f"undated-{kind}-other-day", fill(first, e), fill(first, dict(e, n=days.randint(20, 400), k=days.randint(2, 6))), day, plus(day, days.randint(4, 10)))
        _, e, day = undated_event()
        add(0, f"undated-{kind}-other-day-reworded", fill(first, e), fill(second, dict(e, n=days.randint(20, 400), k=days.randint(2, 6))), day, plus(day, days.randint(2, 10)))

with open(here / "story-pairs.tsv", "w", encoding="utf-8") as out:
    out.write("label\tkind\ta\tb\tday_a\tday_b\n")
    for label, kind, a, b, day_a, day_b in rows:
        assert "\t" not in a + b and "\n" not in a + b and day_a and day_b
        out.write(f"{label}\t{kind}\t{a}\t{b}\t{day_a}\t{day_b}\n")
import collections
print(len(rows), collections.Counter(r[0] for r in rows), collections.Counter(r[1].split("-")[0] + ":" + str(r[0]) for r in rows))
