"""The corpus forms: (file name, valid XLSForm?, sheets, options). Written for DuLuan in the styles of public KoboToolbox
and ODK forms (see SOURCE.md); 'pad' adds formatting-only cells out to that column, 'xls' also makes a legacy copy."""

YN = [['yn', 'yes', 'Yes', 'Có'], ['yn', 'no', 'No', 'Không']]
CH_EN_VI = ['list_name', 'name', 'label::English (en)', 'label::Vietnamese (vi)']

FORMS = [
    ('kobo-household', True, [
        ('survey', [
            ['type', 'name', 'label::English (en)', 'label::Vietnamese (vi)', 'hint::English (en)', 'required', 'relevant', 'constraint', 'constraint_message::English (en)', 'appearance', '$kuid', '$autoname'],
            ['start', 'start', '', '', '', '', '', '', '', '', 'a1', 'start'],
            ['end', 'end', '', '', '', '', '', '', '', '', 'a2', 'end'],
            ['today', 'today', '', '', '', '', '', '', '', '', 'a3', 'today'],
            ['deviceid', 'deviceid', '', '', '', '', '', '', '', '', 'a4', 'deviceid'],
            ['begin_group', 'hh', 'Household', 'Hộ gia đình', '', '', '', '', '', 'field-list', 'a5', 'hh'],
            ['select_one yn', 'consent', 'Do you agree to take part?', 'Anh/chị đồng ý tham gia?', '', 'true', '', '', '', '', 'a6', 'consent'],
            ['integer', 'members', 'How many people live here?', 'Bao nhiêu người sống ở đây?', 'Count everyone', 'true', "${consent} = 'yes'", '. > 0 and . < 30', 'Between 1 and 29', '', 'a7', 'members'],
            ['select_one water', 'water', 'Main source of drinking water', 'Nguồn nước uống chính', '', '', "${consent} = 'yes'", '', '', 'minimal', 'a8', 'water'],
            ['text', 'water_other', 'Other source', 'Nguồn khác', '', '', "${water} = 'other'", '', '', '', 'a9', 'water_other'],
            ['end_group', '', '', '', '', '', '', '', '', '', 'a10', ''],
            ['note', 'bye', 'Thank you', 'Cảm ơn', '', '', '', '', '', '', 'a11', 'bye'],
        ]),
        ('choices', [CH_EN_VI, *YN, ['water', 'tap', 'Piped water', 'Nước máy'], ['water', 'well', 'Well', 'Giếng'], ['water', 'other', 'Other', 'Khác']]),
        ('settings', [['form_title', 'form_id', 'version', 'default_language'], ['Household survey', 'hh_2026', '1', 'English (en)']]),
    ], {'xls': True, 'lo': True}),
    ('odk-single-colon', True, [
        ('survey', [
            ['type', 'name', 'label:English', 'label:Français', 'hint:English', 'required'],
            ['text', 'village', 'Village name', 'Nom du village', 'As people say it', 'yes'],
            ['decimal', 'distance', 'Distance to market (km)', 'Distance au marché (km)', '', 'no'],
            ['date', 'visit', 'Date of visit', 'Date de la visite', '', ''],
            ['select_multiple crops', 'crops', 'Crops grown', 'Cultures', '', ''],
        ]),
        ('choices', [['list_name', 'name', 'label:English', 'label:Français'], ['crops', 'rice', 'Rice', 'Riz'], ['crops', 'maize', 'Maize', 'Maïs'], ['crops', 'cassava', 'Cassava', 'Manioc']]),
        ('settings', [['form_title', 'form_id', 'default_language'], ['Village visit', 'village_visit', 'English']]),
    ], {'xls': True}),
    ('libreoffice-formatted', True, [
        ('survey', [
            ['type', 'name', 'label', 'required'],
            ['select_one yn', 'q1', 'Có dùng dịch vụ không?', 'yes'],
            ['integer', 'q2', 'Mấy lần?', ''],
            ['text', 'q3', 'Góp ý', ''],
        ]),
        ('choices', [['list_name', 'name', 'label'], ['yn', 'yes', 'Có'], ['yn', 'no', 'Không']]),
        ('settings', [['form_title', 'default_language'], ['Biểu mẫu sửa nhiều lần', 'vi']]),
    ], {'pad': 1024, 'lo': True, 'xls': True}),
    ('type-spellings', True, [
        ('survey', [
            ['type', 'name', 'label::English', 'label::Vietnamese'],
            ['select one from yn', 's1', 'Select one from', 'Chọn một (from)'],
            ['select all that apply from fruit', 's2', 'Select all from', 'Chọn nhiều (from)'],
            ['select_one yn or_other', 's3', 'Or other', 'Hoặc khác'],
            ['select one fruit or specify other', 's4', 'Or specify other', 'Hoặc ghi rõ'],
            ['select all that apply fruit', 's5', 'All that apply', 'Mọi ý đúng'],
            ['select1 yn', 's6', 'Select1', 'Select1'],
            ['add select one prompt using yn', 's7', 'Old prompt', 'Kiểu cũ'],
            ['phone number', 'phone', '', ''],
            ['add integer prompt', 'n1', 'Add integer prompt', 'Số nguyên'],
            ['int', 'n2', 'Int', 'Int'],
            ['string', 't1', 'String', 'Chuỗi'],
            ['Select_One  yn', 's8', 'Capitals and two spaces', 'Chữ hoa'],
        ]),
        ('choices', [['list_name', 'name', 'label::English', 'label::Vietnamese'], *YN, ['fruit', 'mango', 'Mango', 'Xoài'], ['fruit', 'banana', 'Banana', 'Chuối']]),
        ('settings', [['form_title'], ['Type spellings']]),
    ], {'xls': True}),
    ('loop-over', True, [
        ('survey', [
            ['type', 'name', 'label::English (en)', 'label::Vietnamese (vi)'],
            ['select_multiple animals', 'owned', 'Which animals do you keep?', 'Nuôi con gì?'],
            ['begin loop over animals', 'per_animal', 'Per animal', 'Từng loại'],
            ['integer', 'count', 'How many ${owned}?', 'Bao nhiêu?'],
            ['end loop', '', '', ''],
            ['text', 'comment', 'Comment', 'Ý kiến'],
        ]),
        ('choices', [CH_EN_VI, ['animals', 'pig', 'Pigs', 'Lợn'], ['animals', 'chicken', 'Chickens', 'Gà']]),
    ], {}),
    ('repeat-roster', True, [
        ('survey', [
            ['type', 'name', 'label', 'repeat_count', 'relevant'],
            ['integer', 'hh_size', 'Số người trong hộ', '', ''],
            ['begin repeat', 'member', 'Thành viên', '${hh_size}', ''],
            ['text', 'm_name', 'Tên', '', ''],
            ['integer', 'm_age', 'Tuổi', '', ''],
            ['begin group', 'm_school', 'Học tập', '', '${m_age} < 18'],
            ['select_one yn', 'm_in_school', 'Đang đi học?', '', ''],
            ['end group', '', '', '', ''],
            ['end repeat', '', '', '', ''],
            ['select_one yn', 'toilet', 'Có nhà vệ sinh?', '', ''],
        ]),
        ('choices', [['list_name', 'name', 'label'], ['yn', 'yes', 'Có'], ['yn', 'no', 'Không']]),
    ], {'xls': True}),
    ('names-hyphen', True, [
        ('survey', [
            ['type', 'name', 'label::English (en)', 'label::Vietnamese (vi)', 'relevant'],
            ['select_one yn', 'label-test', 'Hyphen in the name', 'Tên có gạch nối', ''],
            ['text', '_1', 'Leading underscore', 'Gạch dưới đầu', "${label-test} = 'yes'"],
            ['integer', 'q.2', 'Dot in the name', 'Dấu chấm', "${_1} != ''"],
            ['text', 'a_very_long_question_name_that_goes_past_forty_characters', 'Long name', 'Tên dài', ''],
            ['text', 'tuổi', 'Vietnamese letters', 'Chữ có dấu', ''],
        ]),
        ('choices', [CH_EN_VI, *YN]),
    ], {}),
    ('cascading-duplicates', True, [
        ('survey', [
            ['type', 'name', 'label', 'choice_filter'],
            ['select_one province', 'province', 'Tỉnh', ''],
            ['select_one commune', 'commune', 'Xã', 'province=${province}'],
        ]),
        ('choices', [['list_name', 'name', 'label', 'province'],
                     ['province', 'dn', 'Đà Nẵng', ''], ['province', 'qn', 'Quảng Nam', ''],
                     ['commune', 'center', 'Phường Trung tâm', 'dn'], ['commune', 'river', 'Xã Ven sông', 'dn'],
                     ['commune', 'center', 'Thị trấn Trung tâm', 'qn'], ['commune', 'hill', 'Xã Đồi', 'qn']]),
        ('settings', [['form_title', 'allow_choice_duplicates'], ['Chọn xã theo tỉnh', 'yes']]),
    ], {'xls': True}),
    ('external-selects', True, [
        ('survey', [
            ['type', 'name', 'label::English (en)', 'label::Vietnamese (vi)', 'choice_filter'],
            ['select_one province', 'province', 'Province', 'Tỉnh', ''],
            ['select_one_external district', 'district', 'District', 'Huyện', 'province=${province}'],
            ['select_one_from_file communes.csv', 'commune', 'Commune', 'Xã', ''],
            ['select_one_external street', 'street', 'Street', 'Đường', ''],
        ]),
        ('choices', [CH_EN_VI, ['province', 'dn', 'Da Nang', 'Đà Nẵng'], ['province', 'hue', 'Hue', 'Huế']]),
        ('external_choices', [['list_name', 'name', 'label::English (en)', 'label::Vietnamese (vi)', 'province'],
                              ['district', 'hai_chau', 'Hai Chau', 'Hải Châu', 'dn'], ['district', 'phu_xuan', 'Phu Xuan', 'Phú Xuân', 'hue']]),
    ], {}),
    ('piping', True, [
        ('survey', [
            ['type', 'name', 'label::English (en)', 'label::Vietnamese (vi)', 'hint::English (en)'],
            ['text', 'first', 'Your first name?', 'Tên của bạn?', ''],
            ['integer', 'age', 'How old are you, ${first}?', '${first} bao nhiêu tuổi?', 'In years, ${first}'],
        ]),
    ], {}),
    ('kobo-likert-range', True, [
        ('survey', [
            ['type', 'name', 'label::English (en)', 'label::Vietnamese (vi)', 'appearance', 'parameters', 'required'],
            ['select_one agree', 'trust', 'I trust the commune office', 'Tôi tin UBND xã', 'likert', '', 'yes'],
            ['range', 'score', 'Score 0-10', 'Điểm 0-10', '', 'start=0 end=10 step=1', ''],
            ['range', 'half', 'Half steps', 'Nửa điểm', '', 'start=0;end=5;step=0.5', ''],
            ['select_multiple topics', 'topics', 'Topics', 'Chủ đề', 'minimal', 'randomize=true', ''],
            ['text', 'story', 'Tell us', 'Kể lại', 'multiline', '', ''],
        ]),
        ('choices', [CH_EN_VI, ['agree', 'sd', 'Strongly disagree', 'Rất không đồng ý'], ['agree', 'd', 'Disagree', 'Không đồng ý'],
                     ['agree', 'a', 'Agree', 'Đồng ý'], ['agree', 'sa', 'Strongly agree', 'Rất đồng ý'],
                     ['topics', 'roads', 'Roads', 'Đường sá'], ['topics', 'water', 'Water', 'Nước'], ['topics', 'waste', 'Waste', 'Rác']]),
        ('settings', [['form_title::English (en)', 'form_title::Vietnamese (vi)', 'style'], ['Trust', 'Niềm tin', 'pages']]),
    ], {'xls': True}),
    ('odk-expressions', True, [
        ('survey', [
            ['type', 'name', 'label', 'relevant', 'constraint', 'required'],
            ['integer', 'age', 'Age', '', '. >= 0 and . <= 120', 'yes'],
            ['select_multiple symptoms', 'sym', 'Symptoms', '${age} >= 18', "not(selected(., 'none') and count-selected(.) > 1)", ''],
            ['text', 'phone_no', 'Phone', "selected(${sym}, 'fever') or ${age} > 60", "regex(., '^[0-9]{10}$')", ''],
            ['date', 'onset', 'Onset', "${sym} != ''", '. <= today()', "${age} > 5"],
            ['text', 'old_style', 'Old path style', "/data/age > 10", '', ''],
            ['decimal', 'temp', 'Temperature', "../age > 1", '. >= 34 and . <= 43', ''],
        ]),
        ('choices', [['list_name', 'name', 'label'], ['symptoms', 'fever', 'Fever'], ['symptoms', 'cough', 'Cough'], ['symptoms', 'none', 'None']]),
        ('settings', [['form_title', 'default_language'], ['Health check', 'English']]),
    ], {}),
    ('unsupported-types', True, [
        ('survey', [
            ['type', 'name', 'label', 'calculation'],
            ['text', 'who', 'Người trả lời', ''],
            ['calculate', 'calc', '', '1 + 1'],
            ['geopoint', 'where', 'Vị trí', ''],
            ['image', 'photo', 'Ảnh', ''],
            ['note', 'mid', 'Ghi chú giữa', ''],
            ['acknowledge', 'ok', 'Xác nhận', ''],
            ['time', 'at', 'Giờ', ''],
            ['dateTime', 'when', 'Lúc', ''],
            ['barcode', 'code', 'Mã vạch', ''],
            ['hidden', 'h', '', ''],
            ['date', 'day', 'Ngày', ''],
        ]),
    ], {}),
    ('nested-groups', True, [
        ('survey', [
            ['type', 'name', 'label::English (en)', 'label::Vietnamese (vi)', 'relevant'],
            ['select_one yn', 'has_business', 'Do you run a business?', 'Có kinh doanh?', ''],
            ['begin_group', 'biz', 'Business', 'Kinh doanh', "${has_business} = 'yes'"],
            ['text', 'biz_name', 'Name', 'Tên', ''],
            ['begin_group', 'biz_staff', 'Staff', 'Nhân công', ''],
            ['integer', 'staff', 'Staff', 'Số người', ''],
            ['end_group', '', '', '', ''],
            ['decimal', 'revenue', 'Revenue', 'Doanh thu', ''],
            ['end_group', '', '', '', ''],
        ]),
        ('choices', [CH_EN_VI, *YN]),
    ], {}),
    ('plain-label-khmer', True, [
        ('survey', [
            ['type', 'name', 'label', 'label::Khmer (km)', 'hint'],
            ['integer', 'age', 'Tuổi', 'អាយុ', 'Số năm'],
            ['select_one yn', 'ok', 'Đồng ý?', 'យល់ព្រម?', ''],
        ]),
        ('choices', [['list_name', 'name', 'label', 'label::Khmer (km)'], ['yn', 'yes', 'Có', 'បាទ'], ['yn', 'no', 'Không', 'ទេ']]),
        ('settings', [['form_title', 'default_language'], ['Tuổi', 'vi']]),
    ], {}),
    ('settings-variants', True, [
        ('survey', [
            ['Type', 'Name', 'Label', 'Hint', 'Required', 'Relevance', 'Constraint Message'],
            ['text', 'name_q', 'Name', 'Full name', 'TRUE', '', ''],
            ['integer', 'years', 'Years here', '', 'true()', "${name_q} != ''", 'Whole years'],
        ]),
        ('settings', [['set form title', 'set form id', 'version', 'instance_name', 'submission_url', 'default_language'],
                      ['Residents', 'residents', '2026-12', "concat(${name_q}, '')", 'https://example.org/submission', 'English']]),
    ], {'xls': True}),
    ('numeric-choices', True, [
        ('survey', [
            ['type', 'name', 'label', 'relevant'],
            ['select_one scale', 'sat', 'Mức hài lòng', ''],
            ['text', 'why', 'Vì sao?', "${sat} = '1' or ${sat} = '2'"],
            ['select_one money', 'income', 'Thu nhập', "${sat} = '5'"],
        ]),
        ('choices', [['list_name', 'name', 'label'], *[['scale', str(i), f'Mức {i}'] for i in range(1, 6)],
                     ['money', '-1', 'Không nói'], ['money', '1.5', '1,5 triệu'], ['money', '3', '3 triệu']]),
    ], {}),
    ('required-variants', True, [
        ('survey', [
            ['type', 'name', 'label', 'required', 'required_message'],
            ['text', 'a', 'A', 'yes', 'Bắt buộc'],
            ['text', 'b', 'B', 'Yes', ''],
            ['text', 'c', 'C', 'TRUE', ''],
            ['text', 'd', 'D', 'no', ''],
            ['text', 'e', 'E', "${a} = 'x'", ''],
            ['text', 'f', 'F', 'false()', ''],
        ]),
    ], {}),
    ('no-labels', True, [
        ('survey', [
            ['type', 'name', 'label', 'hint'],
            ['text', 'code', '', 'Mã hộ'],
            ['integer', 'count_q', '', ''],
        ]),
    ], {}),
    ('groups-spaced-and-appearances', True, [
        ('survey', [
            ['type', 'name', 'label', 'appearance'],
            ['begin group', 'p1', 'Trang 1', 'field-list'],
            ['select_one yn', 'q1', 'Câu 1', 'horizontal-compact'],
            ['date', 'q2', 'Câu 2', 'month-year'],
            ['end group', '', '', ''],
            ['begin_group', 'p2', 'Trang 2', 'table-list'],
            ['select_one yn', 'q3', 'Câu 3', 'list-nolabel'],
            ['end_group', '', '', ''],
        ]),
        ('choices', [['list_name', 'name', 'label'], ['yn', 'yes', 'Có'], ['yn', 'no', 'Không']]),
    ], {}),
    ('odk-media-columns', True, [
        ('survey', [
            ['type', 'name', 'label::English (en)', 'media::image::English (en)', 'guidance_hint::English (en)'],
            ['select_one yn', 'seen', 'Have you seen this poster?', 'poster.jpg', 'Show the poster'],
            ['text', 'where_seen', 'Where?', '', ''],
        ]),
        ('choices', [['list_name', 'name', 'label::English (en)', 'media::image::English (en)'], ['yn', 'yes', 'Yes', 'yes.png'], ['yn', 'no', 'No', '']]),
    ], {}),
    # Forms pyxform itself refuses: DuLuan must refuse them too, naming the row.
    ('invalid-missing-list', False, [
        ('survey', [['type', 'name', 'label'], ['select_one colours', 'c', 'Màu']]),
        ('choices', [['list_name', 'name', 'label'], ['yn', 'yes', 'Có']]),
    ], {}),
    ('invalid-unclosed-group', False, [
        ('survey', [['type', 'name', 'label'], ['begin_group', 'g', 'Nhóm'], ['text', 't', 'Chữ']]),
    ], {}),
    ('invalid-duplicate-names', False, [
        ('survey', [['type', 'name', 'label'], ['text', 't', 'Một'], ['text', 't', 'Hai']]),
    ], {'xls': True}),
    ('invalid-unknown-type', False, [
        ('survey', [['type', 'name', 'label'], ['select_one_yn', 'x', 'X'], ['text', 'y', 'Y']]),
    ], {}),
    ('invalid-no-survey', False, [
        ('choices', [['list_name', 'name', 'label'], ['yn', 'yes', 'Có']]),
    ], {}),
]
