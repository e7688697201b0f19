import { z } from "zod";
import { locales } from "../i18n/locales";

export const consentRateQuerySchema = z.object({
  weeks: z.number().int().min(2).max(104).default(12),
  locale: z.enum(locales).default("fi"),
});
export const requestStatsQuerySchema = z.object({ months: z.number().int().min(1).max(24).default(6) });
export const propagationHealthQuerySchema = z.object({ days: z.number().int().min(1).max(90).default(7) });
