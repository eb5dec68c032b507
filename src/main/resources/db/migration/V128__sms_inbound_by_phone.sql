-- Each new SMS asks whether its sender's request of the last 10 minutes is still on its way to a ticket (a follow-up
-- then joins it). sms_inbound had no index by phone: the lookup walked every SMS of those 10 minutes, about 25,000 at
-- the fault suite's 30 SMS a second, and took 225 ms under that load. WeChat's table has had its index by openid
-- (wechat_inbound_openid_idx) from the start; the retention job's erasure by phone uses this one too.
CREATE INDEX sms_inbound_phone_idx ON sms_inbound (from_phone, created_at DESC);
