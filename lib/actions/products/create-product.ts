"use server";

import { createAction } from "@/lib/actions/validated-action";
import { createProduct } from "@/lib/domain/products/create-product";
import { productSchema } from "@/lib/validation/schemas/products";

export const createProductAction = createAction(createProduct, {
  schema: productSchema,
  revalidate: () => ["/enterprise"],
});
