// English texts; every key of the zh-CN catalog must exist here (checked by type).
import type { Catalog } from './index';

export const en: Catalog = {
  errors: {
    validation: 'Some fields are invalid, please check the highlighted fields',
    bad_json: 'The request body is not valid JSON',
    unauthenticated: 'Please sign in',
    bad_credentials: 'Wrong user name or password',
    locked: 'Too many failed sign-ins; the account is locked, try again in 15 minutes',
    forbidden: 'You are not allowed to do this',
    not_found: 'The record does not exist or you may not see it',
    stale_version: 'Someone else changed this record; reload and try again',
    conflict: 'This conflicts with existing data',
    too_large: 'The request is too large',
    internal: 'The system is busy, please try again later',
  },
  fieldErrors: {
    invalid_characters: 'Contains characters that are not allowed',
    required: 'Required',
    duplicate_day: 'Each date may appear only once',
    bad_cursor: 'Invalid page cursor; reload from the first page',
    tenant_needs_owner: 'A tenant must be linked to the owner who consented',
    end_before_start: 'Business hours must end after they start',
    owner_not_in_unit: 'The chosen owner is not an owner of this unit',
    unknown_unit: 'Unknown unit',
    unknown_timezone: 'Unknown timezone',
  },
};
