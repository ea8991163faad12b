/**
 * GENERATED FILE: DO NOT EDIT.
 * Written by `npm run generate` (scripts/generate.ts, Ajv standalone code) from openapi.json.
 * Validators of each operation's JSON response bodies, compiled ahead of time: the runtime carries no
 * schema compiler, and these cannot disagree with generated/schema.d.ts (both come from one spec).
 */
// @ts-nocheck: the code below is Ajv's output.

const validate_0 = validate10;
const schema11 = {"$id":"validate_0","$ref":"openapi.json#/components/schemas/SessionDetail"};
const schema13 = {"allOf":[{"$ref":"#/components/schemas/Session"},{"type":"object","properties":{"sessionUrl":{"type":"string"},"liveUrl":{"type":"string"},"token":{"type":"string"},"wsEndpoint":{"type":"string"},"webdriverEndpoint":{"type":"string"},"computerActionEndpoint":{"type":"string"}}}]};
const schema14 = {"type":"object","properties":{"id":{"type":"string","format":"uuid"},"teamId":{"type":"string","format":"uuid"},"status":{"type":"string","enum":["active","closed","error"]},"startTime":{"type":["string","null"],"format":"timestamp-milliseconds"},"endTime":{"type":["string","null"],"format":"timestamp-milliseconds"},"createdAt":{"type":"string","format":"iso8601"},"updatedAt":{"type":"string","format":"iso8601"},"launchState":{"$ref":"#/components/schemas/SessionLaunchState"},"creditsUsed":{"type":["number","null"]}}};
const formats0 = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
const schema15 = {"type":["object","null"],"properties":{"useUltraStealth":{"type":"boolean"},"useStealth":{"type":"boolean"},"useProxy":{"type":"boolean"},"solveCaptchas":{"type":"boolean"},"solverType":{"type":"string","enum":["visual"],"description":"Optional CAPTCHA solver mode. Set to visual to use the visual reCAPTCHA solver."},"adblock":{"type":"boolean"},"trackers":{"type":"boolean"},"annoyances":{"type":"boolean"},"screen":{"$ref":"#/components/schemas/ScreenConfig"},"enableWebRecording":{"type":"boolean"},"enableVideoWebRecording":{"type":"boolean"},"enableLogCapture":{"type":"boolean"},"acceptCookies":{"type":"boolean"},"profile":{"$ref":"#/components/schemas/CreateSessionProfile"},"staticIpId":{"type":"string"},"saveDownloads":{"type":"boolean"},"enableWindowManager":{"type":"boolean"},"enableWindowManagerTaskbar":{"type":"boolean"},"viewOnlyLiveView":{"type":"boolean"},"disablePasswordManager":{"type":"boolean"},"enableAlwaysOpenPdfExternally":{"type":"boolean"},"disablePostQuantumKeyAgreement":{"type":"boolean"}}};
const schema16 = {"type":"object","properties":{"width":{"type":"number","default":1280},"height":{"type":"number","default":720}}};
const schema17 = {"type":"object","properties":{"id":{"type":"string"},"persistChanges":{"type":"boolean"},"persistNetworkCache":{"type":"boolean","description":"When persisting profile changes, also persist the browser's network cache (HTTP cache)."}}};

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if((!(data && typeof data == "object" && !Array.isArray(data))) && (data !== null)){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema15.type},message:"must be object,null"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.useUltraStealth !== undefined){
if(typeof data.useUltraStealth !== "boolean"){
const err1 = {instancePath:instancePath+"/useUltraStealth",schemaPath:"#/properties/useUltraStealth/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.useStealth !== undefined){
if(typeof data.useStealth !== "boolean"){
const err2 = {instancePath:instancePath+"/useStealth",schemaPath:"#/properties/useStealth/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.useProxy !== undefined){
if(typeof data.useProxy !== "boolean"){
const err3 = {instancePath:instancePath+"/useProxy",schemaPath:"#/properties/useProxy/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.solveCaptchas !== undefined){
if(typeof data.solveCaptchas !== "boolean"){
const err4 = {instancePath:instancePath+"/solveCaptchas",schemaPath:"#/properties/solveCaptchas/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.solverType !== undefined){
let data4 = data.solverType;
if(typeof data4 !== "string"){
const err5 = {instancePath:instancePath+"/solverType",schemaPath:"#/properties/solverType/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!(data4 === "visual")){
const err6 = {instancePath:instancePath+"/solverType",schemaPath:"#/properties/solverType/enum",keyword:"enum",params:{allowedValues: schema15.properties.solverType.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.adblock !== undefined){
if(typeof data.adblock !== "boolean"){
const err7 = {instancePath:instancePath+"/adblock",schemaPath:"#/properties/adblock/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.trackers !== undefined){
if(typeof data.trackers !== "boolean"){
const err8 = {instancePath:instancePath+"/trackers",schemaPath:"#/properties/trackers/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.annoyances !== undefined){
if(typeof data.annoyances !== "boolean"){
const err9 = {instancePath:instancePath+"/annoyances",schemaPath:"#/properties/annoyances/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.screen !== undefined){
let data8 = data.screen;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
if(data8.width !== undefined){
let data9 = data8.width;
if(!((typeof data9 == "number") && (isFinite(data9)))){
const err10 = {instancePath:instancePath+"/screen/width",schemaPath:"#/components/schemas/ScreenConfig/properties/width/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data8.height !== undefined){
let data10 = data8.height;
if(!((typeof data10 == "number") && (isFinite(data10)))){
const err11 = {instancePath:instancePath+"/screen/height",schemaPath:"#/components/schemas/ScreenConfig/properties/height/type",keyword:"type",params:{type: "number"},message:"must be number"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/screen",schemaPath:"#/components/schemas/ScreenConfig/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.enableWebRecording !== undefined){
if(typeof data.enableWebRecording !== "boolean"){
const err13 = {instancePath:instancePath+"/enableWebRecording",schemaPath:"#/properties/enableWebRecording/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.enableVideoWebRecording !== undefined){
if(typeof data.enableVideoWebRecording !== "boolean"){
const err14 = {instancePath:instancePath+"/enableVideoWebRecording",schemaPath:"#/properties/enableVideoWebRecording/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.enableLogCapture !== undefined){
if(typeof data.enableLogCapture !== "boolean"){
const err15 = {instancePath:instancePath+"/enableLogCapture",schemaPath:"#/properties/enableLogCapture/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.acceptCookies !== undefined){
if(typeof data.acceptCookies !== "boolean"){
const err16 = {instancePath:instancePath+"/acceptCookies",schemaPath:"#/properties/acceptCookies/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data.profile !== undefined){
let data15 = data.profile;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
if(data15.id !== undefined){
if(typeof data15.id !== "string"){
const err17 = {instancePath:instancePath+"/profile/id",schemaPath:"#/components/schemas/CreateSessionProfile/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data15.persistChanges !== undefined){
if(typeof data15.persistChanges !== "boolean"){
const err18 = {instancePath:instancePath+"/profile/persistChanges",schemaPath:"#/components/schemas/CreateSessionProfile/properties/persistChanges/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data15.persistNetworkCache !== undefined){
if(typeof data15.persistNetworkCache !== "boolean"){
const err19 = {instancePath:instancePath+"/profile/persistNetworkCache",schemaPath:"#/components/schemas/CreateSessionProfile/properties/persistNetworkCache/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/profile",schemaPath:"#/components/schemas/CreateSessionProfile/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.staticIpId !== undefined){
if(typeof data.staticIpId !== "string"){
const err21 = {instancePath:instancePath+"/staticIpId",schemaPath:"#/properties/staticIpId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.saveDownloads !== undefined){
if(typeof data.saveDownloads !== "boolean"){
const err22 = {instancePath:instancePath+"/saveDownloads",schemaPath:"#/properties/saveDownloads/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data.enableWindowManager !== undefined){
if(typeof data.enableWindowManager !== "boolean"){
const err23 = {instancePath:instancePath+"/enableWindowManager",schemaPath:"#/properties/enableWindowManager/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.enableWindowManagerTaskbar !== undefined){
if(typeof data.enableWindowManagerTaskbar !== "boolean"){
const err24 = {instancePath:instancePath+"/enableWindowManagerTaskbar",schemaPath:"#/properties/enableWindowManagerTaskbar/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.viewOnlyLiveView !== undefined){
if(typeof data.viewOnlyLiveView !== "boolean"){
const err25 = {instancePath:instancePath+"/viewOnlyLiveView",schemaPath:"#/properties/viewOnlyLiveView/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.disablePasswordManager !== undefined){
if(typeof data.disablePasswordManager !== "boolean"){
const err26 = {instancePath:instancePath+"/disablePasswordManager",schemaPath:"#/properties/disablePasswordManager/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.enableAlwaysOpenPdfExternally !== undefined){
if(typeof data.enableAlwaysOpenPdfExternally !== "boolean"){
const err27 = {instancePath:instancePath+"/enableAlwaysOpenPdfExternally",schemaPath:"#/properties/enableAlwaysOpenPdfExternally/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.disablePostQuantumKeyAgreement !== undefined){
if(typeof data.disablePostQuantumKeyAgreement !== "boolean"){
const err28 = {instancePath:instancePath+"/disablePostQuantumKeyAgreement",schemaPath:"#/properties/disablePostQuantumKeyAgreement/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
validate14.errors = vErrors;
return errors === 0;
}


function validate13(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.id !== undefined){
let data0 = data.id;
if(typeof data0 === "string"){
if(!(formats0.test(data0))){
const err0 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/id",schemaPath:"#/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.teamId !== undefined){
let data1 = data.teamId;
if(typeof data1 === "string"){
if(!(formats0.test(data1))){
const err2 = {instancePath:instancePath+"/teamId",schemaPath:"#/properties/teamId/format",keyword:"format",params:{format: "uuid"},message:"must match format \""+"uuid"+"\""};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/teamId",schemaPath:"#/properties/teamId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.status !== undefined){
let data2 = data.status;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!(((data2 === "active") || (data2 === "closed")) || (data2 === "error"))){
const err5 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/enum",keyword:"enum",params:{allowedValues: schema14.properties.status.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.startTime !== undefined){
let data3 = data.startTime;
if((typeof data3 !== "string") && (data3 !== null)){
const err6 = {instancePath:instancePath+"/startTime",schemaPath:"#/properties/startTime/type",keyword:"type",params:{type: schema14.properties.startTime.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.endTime !== undefined){
let data4 = data.endTime;
if((typeof data4 !== "string") && (data4 !== null)){
const err7 = {instancePath:instancePath+"/endTime",schemaPath:"#/properties/endTime/type",keyword:"type",params:{type: schema14.properties.endTime.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.createdAt !== undefined){
if(!(typeof data.createdAt === "string")){
const err8 = {instancePath:instancePath+"/createdAt",schemaPath:"#/properties/createdAt/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.updatedAt !== undefined){
if(!(typeof data.updatedAt === "string")){
const err9 = {instancePath:instancePath+"/updatedAt",schemaPath:"#/properties/updatedAt/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.launchState !== undefined){
if(!(validate14(data.launchState, {instancePath:instancePath+"/launchState",parentData:data,parentDataProperty:"launchState",rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
}
if(data.creditsUsed !== undefined){
let data8 = data.creditsUsed;
if((!((typeof data8 == "number") && (isFinite(data8)))) && (data8 !== null)){
const err10 = {instancePath:instancePath+"/creditsUsed",schemaPath:"#/properties/creditsUsed/type",keyword:"type",params:{type: schema14.properties.creditsUsed.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate13.errors = vErrors;
return errors === 0;
}


function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(!(validate13(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
errors = vErrors.length;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.sessionUrl !== undefined){
if(typeof data.sessionUrl !== "string"){
const err0 = {instancePath:instancePath+"/sessionUrl",schemaPath:"#/allOf/1/properties/sessionUrl/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.liveUrl !== undefined){
if(typeof data.liveUrl !== "string"){
const err1 = {instancePath:instancePath+"/liveUrl",schemaPath:"#/allOf/1/properties/liveUrl/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.token !== undefined){
if(typeof data.token !== "string"){
const err2 = {instancePath:instancePath+"/token",schemaPath:"#/allOf/1/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.wsEndpoint !== undefined){
if(typeof data.wsEndpoint !== "string"){
const err3 = {instancePath:instancePath+"/wsEndpoint",schemaPath:"#/allOf/1/properties/wsEndpoint/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.webdriverEndpoint !== undefined){
if(typeof data.webdriverEndpoint !== "string"){
const err4 = {instancePath:instancePath+"/webdriverEndpoint",schemaPath:"#/allOf/1/properties/webdriverEndpoint/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.computerActionEndpoint !== undefined){
if(typeof data.computerActionEndpoint !== "string"){
const err5 = {instancePath:instancePath+"/computerActionEndpoint",schemaPath:"#/allOf/1/properties/computerActionEndpoint/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/allOf/1/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}


function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="validate_0" */;
let vErrors = null;
let errors = 0;
if(!(validate12(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
validate10.errors = vErrors;
return errors === 0;
}

const validate_1 = validate18;
const schema18 = {"$id":"validate_1","$ref":"openapi.json#/components/schemas/ErrorResponse"};
const schema19 = {"type":"object","properties":{"message":{"type":"string"}}};

function validate18(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="validate_1" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.message !== undefined){
if(typeof data.message !== "string"){
const err0 = {instancePath:instancePath+"/message",schemaPath:"openapi.json#/components/schemas/ErrorResponse/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
else {
const err1 = {instancePath,schemaPath:"openapi.json#/components/schemas/ErrorResponse/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate18.errors = vErrors;
return errors === 0;
}


/** Checks one JSON body; on failure its `errors` say where. */
export interface ResponseValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[] | null;
}

/** Validators by operation (`"GET /api/session/{id}"`) and declared status (`"200"`). */
export const responseValidators: Readonly<Record<string, Readonly<Record<string, ResponseValidator>>>> = {
  "GET /api/session/{id}": {
    "200": validate_0,
    "404": validate_1,
  },
};
