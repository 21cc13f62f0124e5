// User-facing strings of the import feature (merged into src/lib/i18n.ts MESSAGES; both languages required).

import type { Entry } from '../i18n';

export const IMPORT_MESSAGES = {
  // ---- Whole-file errors: nothing from the file is imported. ----
  'import.err.json_syntax': {
    zh: '{file}：JSON 格式错误，第 {line} 行第 {column} 列出现意外的 {found}',
    en: '{file}: JSON syntax error: unexpected {found} at line {line}, column {column}',
  },
  'import.err.json_truncated': {
    zh: '{file}：文件在第 {line} 行第 {column} 列意外结束，可能下载或复制不完整',
    en: '{file}: the file ends unexpectedly at line {line}, column {column}; it may be cut off (incomplete download or copy)',
  },
  'import.err.json_nan': {
    zh: '{file}：第 {line} 行第 {column} 列的 {found} 不是合法的 JSON 数值（JSON 不允许 NaN/Infinity，请改为 null 或删除该要素）',
    en: '{file}: {found} at line {line}, column {column} is not a JSON number (JSON has no NaN or Infinity; use null or remove the feature)',
  },
  'import.err.json_trailing_comma': {
    zh: '{file}：第 {line} 行第 {column} 列前有多余的逗号',
    en: '{file}: a trailing comma before line {line}, column {column}',
  },
  'import.err.json_comment': {
    zh: '{file}：第 {line} 行第 {column} 列有注释，JSON 不允许注释',
    en: '{file}: a comment at line {line}, column {column}; JSON does not allow comments',
  },
  'import.err.json_trailing': {
    zh: '{file}：第 {line} 行第 {column} 列之后还有多余内容（一个文件只能包含一个 GeoJSON 对象）',
    en: '{file}: extra content after the end of the JSON at line {line}, column {column} (a file holds one GeoJSON object)',
  },
  'import.err.no_features': {
    zh: '{file}：文件中没有任何要素或数据行',
    en: '{file}: the file contains no features or data rows',
  },
  'import.err.crs_unsupported': {
    zh: '{file}：文件声明的坐标系 {value} 不受支持，请导出为经纬度（WGS-84、GCJ-02 或 BD-09）',
    en: '{file}: the file declares the coordinate system {value}, which is not supported; export longitude/latitude (WGS-84, GCJ-02 or BD-09)',
  },
  'import.err.zip': {
    zh: '{file}：这是一个压缩包（如 Excel .xlsx 工作簿、.kmz 或压缩的 Shapefile），请另存为 CSV（UTF-8）或 GeoJSON 后导入',
    en: '{file}: this is a zip archive (such as an Excel .xlsx workbook, a .kmz or a zipped shapefile); save it as CSV (UTF-8) or GeoJSON and import that',
  },
  'import.err.xls': {
    zh: '{file}：这是旧版 Excel 工作簿（.xls），请在 Excel 中另存为 CSV 后导入',
    en: '{file}: this is a legacy Excel workbook (.xls); save it as CSV in Excel and import that',
  },
  'import.err.pdf': {
    zh: '{file}：这是 PDF 文件，无法读取其中的地点',
    en: '{file}: this is a PDF file; places cannot be read from it',
  },
  'import.err.image': {
    zh: '{file}：这是图片文件，无法读取其中的地点',
    en: '{file}: this is an image file; places cannot be read from it',
  },
  'import.err.shapefile': {
    zh: '{file}：这是 Shapefile 的 .shp 部分，请用 QGIS 等工具转换为 GeoJSON（WGS-84）后导入',
    en: '{file}: this is the .shp part of a shapefile; convert it to GeoJSON (WGS-84) with QGIS or similar and import that',
  },
  'import.err.binary': {
    zh: '{file}：不是文本文件，请导入 CSV 或 GeoJSON',
    en: '{file}: not a text file; import CSV or GeoJSON',
  },
  'import.err.xml': {
    zh: '{file}：这是 XML 文件（如 KML、GPX），暂不支持，请转换为 GeoJSON 后导入',
    en: '{file}: this is an XML file (such as KML or GPX), which is not supported; convert it to GeoJSON and import that',
  },
  'import.err.csv_delimiter': {
    zh: '{file}：表头只有一列（{value}），文件可能不是用逗号分隔的；请另存为“CSV（逗号分隔）”',
    en: '{file}: the header has only one column ({value}); the file does not seem to be comma-separated. Save it as “CSV (comma delimited)”',
  },
  'import.err.no_category': {
    zh: '{file}：没有“类别”列，请选择这些地点所属的图层后再导入',
    en: '{file}: there is no category column; choose the layer these places belong to and import again',
  },
  'import.err.no_worker': {
    zh: '{file}：此浏览器无法在后台读取较大的文件（{size} MB，无后台线程时上限 {max} MB）',
    en: '{file}: this browser cannot read large files in the background ({size} MB; without a worker the limit is {max} MB)',
  },
  'import.err.worker_failed': {
    zh: '{file}：读取文件时出错（{detail}），已加载的数据未受影响',
    en: '{file}: reading the file failed ({detail}); the data already loaded is unaffected',
  },
  'import.err.cancelled': {
    zh: '{file}：导入已取消，已加载的数据未受影响',
    en: '{file}: the import was cancelled; the data already loaded is unaffected',
  },
  'import.err.internal': {
    zh: '{file}：导入时发生意外错误（{detail}），已加载的数据未受影响',
    en: '{file}: an unexpected error occurred while importing ({detail}); the data already loaded is unaffected',
  },
  // ---- Row / feature problems. ----
  'import.err.csv_quotes': {
    zh: '{where}：引号未闭合，此后的内容都被当作同一个单元格',
    en: '{where}: an opening quote is never closed, so everything after it became one cell',
  },
  'import.csv_fields': {
    zh: '{where}：该行有 {n} 个单元格，表头有 {expected} 列',
    en: '{where}: the row has {n} cell(s) but the header has {expected} columns',
  },
  'import.winding_fixed': {
    zh: '{where}：多边形环的方向不符合 GeoJSON 规范，已自动纠正',
    en: '{where}: a polygon ring was wound the wrong way for GeoJSON; it was corrected',
  },
  'import.duplicate_id': {
    zh: '{where}：编号 {value} 重复（首次出现于 {other}），已改为 {id}',
    en: '{where}: the id {value} is a duplicate (first seen at {other}); renamed to {id}',
  },
  'import.string_truncated': {
    zh: '{where}：字段 {field} 过长（{length} 个字符），已截断为 {max} 个字符',
    en: '{where}: the field {field} is too long ({length} characters); cut to {max}',
  },
  'import.url_removed': {
    zh: '{where}：来源网址 {value} 已删除（仅允许 http/https 链接）',
    en: '{where}: the source link {value} was removed (only http/https links are allowed)',
  },
  'import.date_dropped': {
    zh: '{where}：来源日期 {value} 无法识别（应为 YYYY、YYYY-MM 或 YYYY-MM-DD），已忽略',
    en: '{where}: the source date {value} is not understood (use YYYY, YYYY-MM or YYYY-MM-DD); ignored',
  },
  'import.hours_dropped': {
    zh: '{where}：开放时间 {value} 不是 OpenStreetMap 格式，已忽略',
    en: '{where}: the opening hours {value} are not in OpenStreetMap syntax; ignored',
  },
  // ---- Whole-file warnings: the file was imported, with a caveat. ----
  'import.csv_delimiter': {
    zh: '{file}：列之间用 {value} 分隔，而不是逗号；已按此读取',
    en: '{file}: the columns are separated by {value}, not commas; read that way',
  },
  'import.truncated': {
    zh: '{file}：文件末尾的字符不完整，文件可能被截断',
    en: '{file}: the last character of the file is incomplete; the file may be cut off',
  },
  'import.crs_mismatch': {
    zh: '{file}：文件声明坐标系为 {value}，但所选为 {crs}；已按 {crs} 转换',
    en: '{file}: the file declares {value} but {crs} was chosen; converted as {crs}',
  },
  'import.crs_column': {
    zh: '{file}：有 {n} 行在坐标系列中写明了与所选 {crs} 不同的坐标系，已按各行所写转换',
    en: '{file}: rows naming a coordinate system other than the chosen {crs} in their crs column: {n}; each was converted as it states',
  },
  'import.assumed_status': {
    zh: '{file}：有 {n} 个地点没有写明状态，按“已建成”处理',
    en: '{file}: places without a status: {n}; they are shown as existing',
  },
  'import.accuracy_unknown': {
    zh: '{file}：有 {n} 个地点没有位置精度，标记为“精度未知”',
    en: '{file}: places without a positional accuracy: {n}; marked as accuracy unknown',
  },
  'import.source_missing': {
    zh: '{file}：有 {n} 个地点没有来源，标记为“用户导入”',
    en: '{file}: places without a source: {n}; marked as a user import',
  },
  'import.in_water': {
    zh: '{file}：在检查的 {total} 个点中，有 {n} 个落在水域（河流、湖泊）中，请核对坐标或坐标系',
    en: '{file}: {n} of {total} checked points lie in water (river or lake); check the coordinates or the coordinate system',
  },
  'import.datum_suggest': {
    zh: '{file}：按 {crs} 读取时，{total} 个点中有 {n} 个落在兰州市外或水域中；按 {alt} 读取则只有 {m} 个。若坐标取自高德、腾讯或百度地图，请选择 {alt} 重新导入',
    en: '{file}: read as {crs}, {n} of {total} points fall outside Lanzhou or in water; read as {alt}, only {m} would. If the coordinates come from AMap, Tencent or Baidu maps, import again choosing {alt}',
  },
  'import.err.json_duplicate_key': {
    zh: '{file}：第 {line} 行第 {column} 列的键 "{value}" 在同一对象中出现了两次，无法判断应使用哪个值',
    en: '{file}: the key "{value}" appears twice in one object (line {line}, column {column}); which value is meant cannot be told',
  },
  'import.err.duplicate_key': {
    zh: '{where}：键 "{value}" 在同一对象中出现了两次（第 {line} 行第 {column} 列），无法判断应使用哪个值',
    en: '{where}: the key "{value}" appears twice in one object (line {line}, column {column}); which value is meant cannot be told',
  },
  'import.err.encoding_json': {
    zh: '{file}：第 {lines} 行不是有效的 {encoding} 文本，未导入任何内容。请在“文字编码”中选择文件保存时的编码后重新导入',
    en: '{file}: line(s) {lines} are not valid {encoding} text; nothing was imported. Choose the encoding the file was saved in under “Text encoding” and import again',
  },
  'import.err.encoding_header': {
    zh: '{file}：表头行不是有效的 {encoding} 文本（按 {alt} 可以读取）。请在“文字编码”中选择正确的编码后重新导入',
    en: '{file}: the header row is not valid {encoding} text (it reads as {alt}). Choose the right encoding under “Text encoding” and import again',
  },
  'import.err.row_encoding': {
    zh: '{where}：该行不是有效的 {encoding} 文本，已跳过（未作乱码导入）',
    en: '{where}: this row is not valid {encoding} text; it was left out rather than imported as garbled text',
  },
  'import.err.row_encoding_alt': {
    zh: '{where}：该行不是有效的 {encoding} 文本（像是 {alt} 编码），已跳过。若文件按 {alt} 保存，请在“文字编码”中选择 {alt} 后重新导入',
    en: '{where}: this row is not valid {encoding} text (it looks like {alt}); it was left out. If the file was saved as {alt}, choose {alt} under “Text encoding” and import again',
  },
  'import.err.number_hex': {
    zh: '{where}：{field} 的值 {value} 是十六进制/八进制/二进制写法，只接受十进制数字',
    en: '{where}: the {field} value {value} is written in hexadecimal, octal or binary; only decimal numbers are read',
  },
  'import.err.number_not_finite': {
    zh: '{where}：{field} 的值 {value} 不是有限的数字',
    en: '{where}: the {field} value {value} is not a finite number',
  },
  'import.err.number_overflow': {
    zh: '{where}：{field} 的值 {value} 过大，超出了可表示的范围',
    en: '{where}: the {field} value {value} is too large to represent',
  },
  'import.err.number_comma': {
    zh: '{where}：{field} 的值 {value} 含有逗号，无法判断是小数点还是千位分隔符；请用点作小数点（如 103.8236）',
    en: '{where}: the {field} value {value} contains a comma that could be a decimal mark or a thousands separator; use a point as the decimal mark (e.g. 103.8236)',
  },
  'import.err.number_too_long': {
    zh: '{where}：{field} 的值过长，不是数字（{value}…）',
    en: '{where}: the {field} value is too long to be a number ({value}…)',
  },
  'import.err.time_budget': {
    zh: '{where}：检查超过了每个文件 {s} 秒的时限（已检查 {n}/{total} 条），未导入任何内容。请拆分文件或简化大型几何后重新导入',
    en: '{where}: checking took longer than the limit of {s} s per file ({n} of {total} records checked); nothing was imported. Split the file or simplify large geometries and import again',
  },
  'import.more_issues': {
    zh: '{file}：另有 {n} 个同类问题未逐一列出',
    en: '{file}: {n} more problems of the same kind are not listed',
  },
  // ---- Not issues. ----
  'import.source_user': { zh: '用户导入：{file}', en: 'User import: {file}' },
  'import.loaded': { zh: '已加载的数据', en: 'the data already loaded' },
  'import.phase.read': { zh: '正在读取文件…', en: 'Reading the file…' },
  'import.phase.decode': { zh: '正在识别文字编码…', en: 'Detecting the text encoding…' },
  'import.phase.parse': { zh: '正在解析…', en: 'Parsing…' },
  'import.phase.validate': {
    zh: '正在检查第 {record}/{records} 条（{pct}%）…',
    en: 'Checking record {record} of {records} ({pct}%)…',
  },
  'import.phase.done': { zh: '完成', en: 'Done' },
  // The import section of the layer panel.
  'import.ui.title': { zh: '导入数据', en: 'Import data' },
  'import.ui.hint': {
    zh: '选择或拖入 CSV / GeoJSON 文件（UTF-8 或 Excel 的 GBK 编码）。导入的数据只保存在本页面中。',
    en: 'Choose or drop a CSV / GeoJSON file (UTF-8, or GBK as Excel saves it). Imported data stays in this page only.',
  },
  'import.ui.file': { zh: '选择文件', en: 'Choose a file' },
  'import.ui.crs': { zh: '坐标系', en: 'Coordinate system' },
  'import.ui.crs.WGS84': { zh: 'WGS-84（GPS、OpenStreetMap）', en: 'WGS-84 (GPS, OpenStreetMap)' },
  'import.ui.crs.GCJ02': { zh: 'GCJ-02（高德、腾讯地图）', en: 'GCJ-02 (AMap, Tencent Maps)' },
  'import.ui.crs.BD09': { zh: 'BD-09（百度地图）', en: 'BD-09 (Baidu Maps)' },
  'import.ui.result': {
    zh: '{file}：{records} 条记录，导入 {accepted} 条，拒绝 {rejected} 条。',
    en: '{file}: {records} records, {accepted} imported, {rejected} rejected.',
  },
  'import.ui.kept': {
    zh: '没有导入任何地点，已加载的数据保持不变。',
    en: 'Nothing was imported; the data already loaded is unchanged.',
  },
  'import.ui.cancel': { zh: '取消导入', en: 'Cancel import' },
  'import.ui.encoding': { zh: '文字编码', en: 'Text encoding' },
  'import.ui.encoding.auto': { zh: '自动识别', en: 'Detect automatically' },
  'import.ui.encoding.utf-8': { zh: 'UTF-8（通用）', en: 'UTF-8 (universal)' },
  'import.ui.encoding.gbk': { zh: 'GBK（Excel 中文版 CSV）', en: 'GBK (Chinese Excel CSV)' },
  'import.ui.encoding_used': { zh: '读取时使用的编码：{value}', en: 'Read as {value}' },
  'import.ui.drop': { zh: '松开鼠标以导入文件', en: 'Drop the file to import it' },
} satisfies Record<string, Entry>;
