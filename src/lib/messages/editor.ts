// User-facing strings of the data owner's editor (merged into src/lib/i18n.ts MESSAGES; both languages required).

import type { Entry } from '../i18n';

export const EDITOR_MESSAGES = {
  'editor.tab': { zh: '编辑', en: 'Edit' },
  'editor.title': { zh: '编辑数据（数据维护者）', en: 'Edit the data (data owner)' },
  'editor.loading': { zh: '正在加载编辑器…', en: 'Loading the editor…' },
  'editor.hint': {
    zh: '粘贴 Excel/WPS 表格行、在地图上点选或拖动地点，修改后导出 places.csv 放入 data/ 目录。工作内容保存在本设备上。',
    en: 'Paste rows from Excel/WPS, click or drag places on the map, then export places.csv into data/. Your work is kept on this device.',
    en_touch:
      'Paste rows from Excel/WPS, tap or drag places on the map, then export places.csv into data/. Your work is kept on this device.',
  },
  'editor.err.plan_target': {
    zh: '{where}：plan_target "{value}" 不是 plan_targets.json 中的目标编号',
    en: '{where}: plan_target "{value}" is not an id in plan_targets.json',
  },
  'editor.err.paste_header': {
    zh: '{file}：第一行应为列名（如 名称、经度、纬度、地址、类别），找到的是：{value}。未添加任何内容。',
    en: '{file}: the first row must name the columns (e.g. name, lon, lat, address, category); found: {value}. Nothing was added.',
  },
  'editor.err.paste_where': {
    zh: '{file}：没有坐标列（经度/纬度或经纬度）也没有地址列，无法放到地图上。未添加任何内容。',
    en: '{file}: there is no coordinate column (lon/lat or lnglat) and no address column, so nothing can be placed. Nothing was added.',
  },
  'editor.paste_garbled': {
    zh: '{where}：文字看起来是乱码（编码错误，如 锟斤拷 或 �），请从原表格重新复制',
    en: '{where}: the text looks garbled (wrong encoding, e.g. 锟斤拷 or �); copy it again from the original sheet',
  },
  'editor.paste.label': { zh: '粘贴的表格', en: 'pasted table' },
  'editor.paste.title': { zh: '粘贴表格行', en: 'Paste rows' },
  'editor.paste.hint': {
    zh: '从 Excel 或 WPS 复制包含表头的行，粘贴到此处；列的顺序不限，中英文列名均可。',
    en: 'Copy rows with their header row from Excel or WPS and paste them here; any column order, Chinese or English headers.',
  },
  'editor.paste.crs': { zh: '这些坐标的坐标系', en: 'Datum of these coordinates' },
  'editor.paste.apply': { zh: '添加这些行', en: 'Add these rows' },
  'editor.paste.added': {
    zh: '已添加 {n} 行，其中 {bad} 行有问题需修正，{geo} 行待地理编码。',
    en: 'Added {n} rows: {bad} need fixing, {geo} wait for geocoding.',
  },
  'editor.paste.refused': {
    zh: '粘贴内容未被采用，工作数据未改变。',
    en: 'The paste was refused; the working set is unchanged.',
  },
  'editor.click.add': {
    zh: '点击地图添加地点',
    en: 'Click the map to add a place',
    en_touch: 'Tap the map to add a place',
  },
  'editor.click.armed': {
    zh: '请在地图上点击新地点的位置…',
    en: 'Click the map where the new place is…',
    en_touch: 'Tap the map where the new place is…',
  },
  'editor.click.place': {
    zh: '所选地点还没有坐标：点击地图即可放置。',
    en: 'The selected place has no coordinates yet: click the map to place it.',
    en_touch: 'The selected place has no coordinates yet: tap the map to place it.',
  },
  'editor.new_name': { zh: '新地点', en: 'New place' },
  'editor.undo': { zh: '撤销', en: 'Undo' },
  'editor.redo': { zh: '重做', en: 'Redo' },
  'editor.delete': { zh: '删除此地点', en: 'Delete this place' },
  'editor.reset': { zh: '放弃全部更改', en: 'Discard all changes' },
  'editor.reset.confirm': {
    zh: '放弃全部未导出的更改，恢复为已发布的数据？',
    en: 'Discard every change and go back to the shipped data?',
  },
  'editor.rows': {
    zh: '工作数据：{n} 个地点，{bad} 个有问题',
    en: 'Working set: {n} places, {bad} with problems',
  },
  'editor.changes': {
    zh: '与已发布数据相比：新增 {added}，移动 {moved}，修改 {edited}，删除 {removed}',
    en: 'Against the shipped data: {added} added, {moved} moved, {edited} edited, {removed} removed',
  },
  'editor.unsaved': {
    zh: '有未导出的更改（已保存在本设备）',
    en: 'Unsaved changes (kept on this device, not yet exported)',
  },
  'editor.clean': { zh: '没有未导出的更改', en: 'No unsaved changes' },
  'editor.memory_only': {
    zh: '此浏览器不允许本地存储：刷新页面将丢失更改，请及时导出。',
    en: 'This browser refuses local storage: a reload loses your changes, so export them.',
  },
  'editor.save_failed': {
    zh: '无法保存到本设备（存储空间已满？）；请导出以免丢失。',
    en: 'Could not save on this device (storage full?); export to keep your work.',
  },
  'editor.row.ok': { zh: '可以导出', en: 'ready to export' },
  'editor.row.problems': { zh: '{n} 个问题', en: '{n} problems' },
  'editor.row.needs_place': { zh: '待定位', en: 'needs a place' },
  'editor.row.shipped': { zh: '已发布', en: 'shipped' },
  'editor.form.title': { zh: '编辑：{name}', en: 'Edit: {name}' },
  'editor.form.none': { zh: '（无）', en: '(none)' },
  'editor.form.issues': { zh: '导出前需修正', en: 'Fix before export' },
  'editor.field.id': { zh: '编号 id', en: 'Id' },
  'editor.field.category': { zh: '类别', en: 'Category' },
  'editor.field.name_zh': { zh: '中文名称', en: 'Name (Chinese)' },
  'editor.field.name_en': { zh: '英文名称', en: 'Name (English)' },
  'editor.field.district': { zh: '区县', en: 'District' },
  'editor.field.status': { zh: '状态', en: 'Status' },
  'editor.field.lon': { zh: '经度（WGS-84）', en: 'Longitude (WGS-84)' },
  'editor.field.lat': { zh: '纬度（WGS-84）', en: 'Latitude (WGS-84)' },
  'editor.field.crs': { zh: '坐标系', en: 'Datum' },
  'editor.field.accuracy_m': { zh: '位置精度（米）', en: 'Positional accuracy (m)' },
  'editor.field.source_title': { zh: '来源名称', en: 'Source title' },
  'editor.field.source_date': { zh: '来源日期（YYYY-MM-DD）', en: 'Source date (YYYY-MM-DD)' },
  'editor.field.source_url': { zh: '来源网址', en: 'Source URL' },
  'editor.field.address_zh': { zh: '地址', en: 'Address' },
  'editor.field.opening_hours': { zh: '开放时间（OSM 格式）', en: 'Opening hours (OSM syntax)' },
  'editor.field.description_zh': { zh: '中文简介', en: 'Description (Chinese)' },
  'editor.field.description_en': { zh: '英文简介', en: 'Description (English)' },
  'editor.field.units': { zh: '房源套数', en: 'Apartments' },
  'editor.field.length_m': { zh: '长度（米）', en: 'Length (m)' },
  'editor.field.facility_type': {
    zh: '设施类型（如 basketball、square）',
    en: 'Facility type (e.g. basketball, square)',
  },
  'editor.field.plan_target': { zh: '对应的工作要点目标', en: 'Plan target (designation)' },
  'editor.export.title': { zh: '导出', en: 'Export' },
  'editor.export.csv': { zh: '导出 places.csv', en: 'Export places.csv' },
  'editor.export.geojson': { zh: '导出 GeoJSON', en: 'Export GeoJSON' },
  'editor.export.summary': { zh: '导出更改摘要', en: 'Export change summary' },
  'editor.export.blocked': {
    zh: '还有 {n} 个地点未通过检查，导出的文件会使 npm run data 失败。请先修正。',
    en: '{n} places do not pass the checks; the exported file would fail npm run data. Fix them first.',
  },
  'editor.export.done': { zh: '已导出 {file}。', en: 'Exported {file}.' },
  'editor.export.hint': {
    zh: 'places.csv 替换 data/places.csv；GeoJSON 放入 data/features/（二者择一，否则编号重复）。',
    en: 'places.csv replaces data/places.csv; GeoJSON goes into data/features/ (one or the other, or ids repeat).',
  },
  'editor.summary.title': {
    zh: '与已发布数据相比的更改（{when}）',
    en: 'Changes against the shipped data ({when})',
  },
  'editor.summary.added': { zh: '新增 {n}', en: 'Added {n}' },
  'editor.summary.moved': { zh: '移动 {n}', en: 'Moved {n}' },
  'editor.summary.edited': { zh: '修改 {n}', en: 'Edited {n}' },
  'editor.summary.removed': { zh: '删除 {n}', en: 'Removed {n}' },
  'editor.geocode.title': { zh: '按地址定位（需联网）', en: 'Place by address (online)' },
  'editor.geocode.provider': { zh: '地理编码服务', en: 'Geocoder' },
  'editor.geocode.provider.tianditu': { zh: '天地图（CGCS2000≈WGS-84）', en: 'Tianditu (CGCS2000 ≈ WGS-84)' },
  'editor.geocode.provider.amap': { zh: '高德（GCJ-02，自动转换）', en: 'AMap (GCJ-02, converted)' },
  'editor.geocode.key': { zh: '密钥（保存在本设备）', en: 'Key (kept on this device)' },
  'editor.geocode.run': { zh: '为 {n} 个待定位地点查询地址', en: 'Geocode {n} places without coordinates' },
  'editor.geocode.cancel': { zh: '取消', en: 'Cancel' },
  'editor.geocode.progress': { zh: '正在查询 {done}/{total}…', en: 'Geocoding {done}/{total}…' },
  'editor.geocode.done': {
    zh: '查询完成：{ok} 个已定位，{none} 个未找到（仍保留在列表中，已标记）。',
    en: 'Done: {ok} placed, {none} not found (kept in the list, flagged).',
  },
  'editor.geocode.cancelled': {
    zh: '已取消；已查询的结果已保留。',
    en: 'Cancelled; the answers so far are kept.',
  },
  'editor.geocode.level': {
    zh: '匹配级别：{level}（约 ±{m} 米）',
    en: 'Match level: {level} (about ±{m} m)',
  },
  'editor.geocode.none': { zh: '地理编码未找到此地址', en: 'The geocoder found no match for this address' },
  'editor.geocode.outside': {
    zh: '地理编码结果不在兰州市内，未采用',
    en: 'The geocoder answered a place outside Lanzhou; not used',
  },
  'editor.geocode.err.key_missing': {
    zh: '没有地理编码密钥：请输入天地图（或高德）密钥，或由部署者设置 VITE_TIANDITU_KEY。',
    en: 'No geocoder key: type a Tianditu (or AMap) key, or have the deployer set VITE_TIANDITU_KEY.',
  },
  'editor.geocode.err.key_rejected': {
    zh: '地理编码服务拒绝了密钥（{detail}）。请检查密钥及其服务权限；地点均保留。',
    en: 'The geocoder rejected the key ({detail}). Check the key and its service rights; every row is kept.',
  },
  'editor.geocode.err.quota': {
    zh: '地理编码配额已用完或请求过于频繁（{detail}）。请稍后再试；地点均保留。',
    en: 'The geocoder quota is used up or requests came too fast ({detail}). Try again later; every row is kept.',
  },
  'editor.geocode.err.timeout': {
    zh: '地理编码请求超时（{detail}）；地点保留，可稍后重试。',
    en: 'The geocoder did not answer in time ({detail}); the row is kept, retry later.',
  },
  'editor.geocode.err.network': {
    zh: '无法连接地理编码服务（离线？{detail}）；地点保留。',
    en: 'Could not reach the geocoder (offline? {detail}); the row is kept.',
  },
  'editor.geocode.err.server': {
    zh: '地理编码服务返回错误（{detail}）；地点保留。',
    en: 'The geocoder answered with an error ({detail}); the row is kept.',
  },
  'editor.geocode.err.bad_response': {
    zh: '地理编码服务的回答无法读取（{detail}）；地点保留。',
    en: 'The geocoder answer could not be read ({detail}); the row is kept.',
  },
} satisfies Record<string, Entry>;
